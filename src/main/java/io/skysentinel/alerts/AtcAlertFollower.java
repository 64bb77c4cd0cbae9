package io.skysentinel.alerts;

import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.util.Collection;
import java.util.List;

/** The adapter between the ATC hub's update stream and the {@link AtcEvaluator} ({@code follower="alerts-atc"}). */
public final class AtcAlertFollower implements UpdateHandler<AtcPosition> {

    private final AtcEvaluator evaluator;

    public AtcAlertFollower(AtcEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public void handle(List<Update<AtcPosition>> updates) {
        for (Update<AtcPosition> u : updates) {
            switch (u) {
                case Update.Upsert<AtcPosition> up -> evaluator.upsert(up.state());
                case Update.Removal<AtcPosition> rm -> evaluator.remove(rm.state());
            }
        }
    }

    @Override
    public void lost(long count, Collection<AtcPosition> picture) {
        evaluator.resync(picture);
    }
}

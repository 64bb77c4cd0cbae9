package io.skysentinel.api.atc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.api.rest.ApiProblems;
import io.skysentinel.api.rest.InvalidParameterException;
import io.skysentinel.core.FlightSource;
import io.skysentinel.core.NetworkReporting;
import io.skysentinel.core.SourceHealth;
import io.skysentinel.core.SourceRegistry;
import io.skysentinel.testing.TestClock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;

/**
 * Which report answers, and the 404 / 503 rules. The network source here is a plain holder of what a feed read would
 * have produced (the port's contract, no behaviour of ours stubbed): the real VATSIM source is another helper's.
 */
class NetworkControllerTest {

    /** A network source as it is before (null) and after its first feed read. */
    static final class ReadFeed implements FlightSource, NetworkReporting {
        volatile NetworkStatus status;
        volatile NetworkCodes codes;

        @Override
        public String name() {
            return "vatsim";
        }

        @Override
        public void start() {}

        @Override
        public void stop() {}

        @Override
        public SourceHealth health() {
            return new SourceHealth("vatsim", "live", SourceHealth.State.UP, "", null, null, null, null, 0);
        }

        @Override
        public NetworkStatus networkStatus() {
            return status;
        }

        @Override
        public NetworkCodes networkCodes() {
            return codes;
        }
    }

    final TestClock clock = new TestClock(NetworkViewsTest.UPDATED.plusSeconds(20));
    final ReadFeed vatsim = new ReadFeed();
    final NetworkController controller = new NetworkController(new SourceRegistry(List.of(vatsim)), clock);
    final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/network/status");

    @Test
    void beforeTheFirstFeedReadBothAre503() {
        for (Runnable call : List.<Runnable>of(() -> controller.status(request), () -> controller.ratings(request))) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(
                            ErrorResponseException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        }
    }

    @Test
    void afterAReadTheyAnswerFromIt() {
        vatsim.status = NetworkViewsTest.STATUS;
        vatsim.codes = new NetworkReporting.NetworkCodes(
                "vatsim", NetworkViewsTest.FACILITIES, NetworkViewsTest.RATINGS, NetworkViewsTest.PILOT_RATINGS, null);
        NetworkViews.Status s = controller.status(request);
        assertThat(s.pilots()).isEqualTo(1402);
        assertThat(s.feedAgeS()).isEqualTo(20.0);
        assertThat(controller.ratings(request).militaryRatingsNote()).isEqualTo(NetworkViews.NO_MILITARY_RATINGS);
    }

    @Test
    void withoutANetworkSourceBothAre404() {
        NetworkController none = new NetworkController(new SourceRegistry(List.of()), clock);
        assertThatThrownBy(() -> none.status(request)).isInstanceOf(ApiProblems.NotFoundException.class);
        assertThatThrownBy(() -> none.ratings(request)).isInstanceOf(ApiProblems.NotFoundException.class);
    }

    @Test
    void theyTakeNoParameters() {
        vatsim.status = NetworkViewsTest.STATUS;
        request.setParameter("network", "vatsim");
        assertThatThrownBy(() -> controller.status(request))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("network"));
    }
}

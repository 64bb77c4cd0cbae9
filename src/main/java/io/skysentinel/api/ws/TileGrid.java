package io.skysentinel.api.ws;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.BoundingBox;
import java.util.function.IntConsumer;

/**
 * The push tile grid (readsb's idea): the world cut into tileDeg × tileDeg cells, numbered row by row from the
 * south-west. Each aircraft is in exactly one tile (or {@link #NONE} without a position), so a tick's changes can be
 * bucketed once and a boxed view only looks at the buckets under its box instead of at every change.
 */
final class TileGrid {
    static final int NONE = -1;

    private final double deg;
    private final int rows, cols;

    TileGrid(double deg) {
        this.deg = deg;
        this.rows = (int) Math.ceil(180 / deg);
        this.cols = (int) Math.ceil(360 / deg);
    }

    int tileOf(Aircraft a) {
        if (a == null || a.position() == null) return NONE;
        return row(a.position().lat()) * cols + col(a.position().lon());
    }

    private int row(double lat) {
        return Math.min(rows - 1, Math.max(0, (int) Math.floor((lat + 90) / deg)));
    }

    private int col(double lon) {
        return Math.min(cols - 1, Math.max(0, (int) Math.floor((lon + 180) / deg)));
    }

    /** The tiles a box touches, edges included (an aircraft exactly on the box's edge still matches it). */
    Tiles tilesOf(BoundingBox box) {
        if (box == null) return Tiles.ALL;
        return new Tiles(row(box.lamin()), row(box.lamax()), col(box.lomin()), col(box.lomax()), cols);
    }

    /**
     * A rectangle of tiles; {@code colMin > colMax} wraps across the antimeridian. {@link #ALL} (no box) also holds
     * {@link #NONE}: an unboxed view sees aircraft without a position.
     */
    record Tiles(int rowMin, int rowMax, int colMin, int colMax, int cols) {
        static final Tiles ALL = new Tiles(-1, -1, -1, -1, 0);

        boolean all() {
            return cols == 0;
        }

        boolean contains(int tile) {
            if (all()) return true;
            if (tile == NONE) return false;
            int r = tile / cols, c = tile % cols;
            if (r < rowMin || r > rowMax) return false;
            return colMin <= colMax ? c >= colMin && c <= colMax : c >= colMin || c <= colMax;
        }

        /** Every tile of a bounded rectangle (not for {@link #ALL}). */
        void forEach(IntConsumer action) {
            for (int r = rowMin; r <= rowMax; r++) {
                if (colMin <= colMax) {
                    for (int c = colMin; c <= colMax; c++) action.accept(r * cols + c);
                } else {
                    for (int c = colMin; c < cols; c++) action.accept(r * cols + c);
                    for (int c = 0; c <= colMax; c++) action.accept(r * cols + c);
                }
            }
        }
    }
}

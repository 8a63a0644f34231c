package org.syncline.sharing.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncline.sharing.codec.TileMoveTest.H;
import static org.syncline.sharing.codec.TileMoveTest.W;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.Region;

/**
 * A painter that follows a {@link PaintPlan} (moves applied to what it shows, then one rectangle from the decoder's
 * pixels) shows exactly the decoder's picture, whether it paints after every update or after several.
 */
class PaintPlanTest {

    /** What a painter shows: starts black, changed only the way the plan says. */
    private final int[] screen = new int[W * H];

    private PaintPlan.Steps paint(PaintPlan plan, TileDecoder decoder) {
        PaintPlan.Steps steps = plan.take();
        int[] fb = decoder.framebuffer();
        if (steps.whole()) {
            System.arraycopy(fb, 0, screen, 0, W * H);
            return steps;
        }
        for (PaintPlan.Move m : steps.moves()) {
            TileDecoder.move(screen, W, m.sourceX(), m.sourceY(), m.x(), m.y(), m.width(), m.height());
        }
        for (int row = steps.y(); row < steps.y() + steps.height(); row++) {
            System.arraycopy(fb, row * W + steps.x(), screen, row * W + steps.x(), steps.width());
        }
        return steps;
    }

    @Test
    void aScrollIsPaintedAsAMovePlusTheRowsScrolledIn() {
        int[] page = TileMoveTest.page(H * 3, 11);
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        PaintPlan plan = new PaintPlan();
        FrameUpdate first = encoder.encode(CapturedFrame.of(TileMoveTest.view(page, 0), W, H, false, List.of()));
        decoder.apply(first);
        plan.add(first);
        assertTrue(paint(plan, decoder).whole(), "the first picture is painted whole");
        assertArrayEquals(decoder.framebuffer(), screen);

        FrameUpdate scroll = encoder.encode(CapturedFrame.of(TileMoveTest.view(page, 9), W, H, true,
                List.of(new Region(0, 20, W, H - 20))));
        decoder.apply(scroll);
        plan.add(scroll);
        PaintPlan.Steps steps = paint(plan, decoder);
        assertFalse(steps.whole());
        assertEquals(1, steps.moves().size(), "the scroll goes to the screen as one move");
        assertTrue(steps.height() <= TileEncoder.TILE * 2, "only the rows scrolled in are painted from pixels, not "
                + steps.width() + "x" + steps.height());
        assertArrayEquals(decoder.framebuffer(), screen);
        assertTrue(plan.take().isEmpty(), "nothing left after the paint");
    }

    @Test
    void scrollsAndEditsFoldedBetweenPaintsStillGiveTheHostsPicture() {
        int[] page = TileMoveTest.page(H * 4, 7);
        Random random = new Random(42);
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        PaintPlan plan = new PaintPlan();
        int offset = 40;
        FrameUpdate first = encoder.encode(CapturedFrame.of(TileMoveTest.view(page, offset), W, H, false, List.of()));
        decoder.apply(first);
        plan.add(first);
        paint(plan, decoder);
        int movesPainted = 0;
        for (int round = 0; round < 40; round++) {
            // 1-4 updates arrive before the painter gets to paint (the UI thread was busy)
            int updates = 1 + random.nextInt(4);
            for (int u = 0; u < updates; u++) {
                offset = Math.max(0, Math.min(H * 3 - 1, offset + random.nextInt(41) - 20));
                int[] now = TileMoveTest.view(page, offset);
                // an edit somewhere (a typed letter, a cursor) on top of the scroll
                int ex = random.nextInt(W - 10);
                int ey = 20 + random.nextInt(H - 30);
                for (int y = ey; y < ey + 8; y++) {
                    for (int x = ex; x < ex + 6; x++) {
                        now[y * W + x] = 0xff000000 | random.nextInt(0xffffff);
                    }
                }
                FrameUpdate update = encoder.encode(CapturedFrame.of(now, W, H, false, List.of()));
                decoder.apply(update);
                plan.add(update);
                assertArrayEquals(now, decoder.framebuffer());
            }
            movesPainted += paint(plan, decoder).moves().size();
            assertArrayEquals(decoder.framebuffer(), screen, "after round " + round);
        }
        assertTrue(movesPainted > 20, "the scrolls reached the screen as moves: " + movesPainted);
    }

    @Test
    void tooManyMovesBetweenPaintsRepaintTheWholePicture() {
        int[] page = TileMoveTest.page(H * 4, 3);
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        PaintPlan plan = new PaintPlan();
        FrameUpdate first = encoder.encode(CapturedFrame.of(TileMoveTest.view(page, 0), W, H, false, List.of()));
        decoder.apply(first);
        plan.add(first);
        paint(plan, decoder);
        for (int i = 1; i <= PaintPlan.MAX_MOVES + 1; i++) {
            FrameUpdate update = encoder.encode(CapturedFrame.of(TileMoveTest.view(page, i * 3), W, H, false, List.of()));
            assertEquals(TileEncoding.COPY, update.tiles().get(0).encoding());
            decoder.apply(update);
            plan.add(update);
        }
        PaintPlan.Steps steps = paint(plan, decoder);
        assertTrue(steps.whole(), "more than " + PaintPlan.MAX_MOVES + " moves are not replayed");
        assertTrue(steps.moves().isEmpty());
        assertArrayEquals(decoder.framebuffer(), screen);
    }
}

package org.syncline.sharing.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.InputEvent.Kind;
import org.syncline.testing.TestDesktop;

/** Injects clicks into a real window under Xvfb; the window records what it received. */
class X11InputInjectorTest {

    private TestDesktop desktop;
    private long shared;
    private final AtomicBoolean holdsToken = new AtomicBoolean(true);
    private InputInjector injector;

    @BeforeEach
    void window() {
        desktop = TestDesktop.open();
        shared = desktop.window(100, 80, 200, 120, 0x406080, "Clicks");
        desktop.recordButtons(shared);
        injector = InputInjectors.forWindow(shared, holdsToken::get);
    }

    @AfterEach
    void close() {
        injector.close();
        desktop.close();
    }

    private InjectionResult click(int x, int y) {
        return click(injector, x, y);
    }

    @Test
    void aClickArrivesAtItsWindowCoordinatesAlsoAfterTheWindowMoved() {
        assertEquals(InjectionResult.INJECTED, click(10, 20));
        List<int[]> presses = desktop.buttonPresses();
        assertEquals(1, presses.size());
        assertArrayEquals(new int[] { 10, 20, 1 }, presses.get(0));

        desktop.move(shared, 400, 300);
        assertEquals(InjectionResult.INJECTED, click(10, 20));
        presses = desktop.buttonPresses();
        assertEquals(1, presses.size());
        assertArrayEquals(new int[] { 10, 20, 1 }, presses.get(0), "the position is read at injection time");
    }

    @Test
    void aClickOutsideTheWindowIsNotInjected() {
        long neighbour = desktop.window(320, 80, 100, 100, 0x808080, "Neighbour");
        desktop.recordButtons(neighbour);
        assertEquals(InjectionResult.OUTSIDE_WINDOW, click(230, 20), "x beyond the 200 pixel width");
        assertEquals(InjectionResult.OUTSIDE_WINDOW, click(-1, 5));
        assertEquals(InjectionResult.OUTSIDE_WINDOW, click(5, 120));
        assertTrue(desktop.buttonPresses().isEmpty(), "neither the shared window nor its neighbour got a click");
    }

    @Test
    void theHostsControlCheckSayingNoInjectsNothing() {
        holdsToken.set(false);
        assertEquals(InjectionResult.NO_CONTROL, click(10, 20));
        assertTrue(desktop.buttonPresses().isEmpty());
        holdsToken.set(true);
        assertEquals(InjectionResult.INJECTED, click(11, 21));
        assertEquals(1, desktop.buttonPresses().size());
    }

    @Test
    void aClickWhereAnotherWindowCoversTheSharedOneRaisesItSoTheOtherNeverGetsIt() {
        long cover = desktop.window(90, 70, 60, 60, 0xff00ff, "Cover");
        desktop.recordButtons(cover);
        assertEquals(InjectionResult.OBSCURED, injector.inject(new InputEvent(Kind.MOVE, 10, 20, 0, 0)));
        assertEquals(InjectionResult.INJECTED, click(10, 20));
        List<int[]> presses = desktop.buttonPresses();
        assertEquals(1, presses.size(), "only the shared window's press is recorded");
        assertArrayEquals(new int[] { 10, 20, 1 }, presses.get(0));
    }

    @Test
    void keysGoInOnlyAfterTheSharedWindowHasTheFocus() {
        long other = desktop.window(500, 500, 50, 50, 0x808080, "Elsewhere");
        desktop.focus(other);
        InputEvent a = new InputEvent(Kind.KEY_PRESS, 0, 0, 0, 'a');
        assertEquals(InjectionResult.NOT_FOCUSED, injector.inject(a));
        assertEquals(InjectionResult.INJECTED, click(5, 5), "a click into the window gives it the focus");
        assertEquals(InjectionResult.INJECTED, injector.inject(a));
        assertEquals(InjectionResult.INJECTED, injector.inject(new InputEvent(Kind.KEY_RELEASE, 0, 0, 0, 'a')));
    }

    @Test
    void onTheWholeScreenAClickLandsAtItsScreenCoordinatesAndKeysNeedNoFocusOfTheSharedWindow() {
        try (InputInjector screen = InputInjectors.forScreen(holdsToken::get)) {
            long other = desktop.window(500, 500, 50, 50, 0x808080, "Elsewhere");
            desktop.focus(other);
            assertEquals(InjectionResult.INJECTED, click(screen, 100 + 10, 80 + 20));
            List<int[]> presses = desktop.buttonPresses();
            assertEquals(1, presses.size());
            assertArrayEquals(new int[] { 10, 20, 1 }, presses.get(0), "window coordinates = screen - window origin");

            assertEquals(InjectionResult.INJECTED, screen.inject(new InputEvent(Kind.KEY_PRESS, 0, 0, 0, 'a')),
                    "keys go to whatever has the focus");
            assertEquals(InjectionResult.INJECTED, screen.inject(new InputEvent(Kind.KEY_RELEASE, 0, 0, 0, 'a')));

            assertEquals(InjectionResult.OUTSIDE_SCREEN, click(screen, -1, 5));
            assertEquals(InjectionResult.OUTSIDE_SCREEN, click(screen, 5, 100_000));
            holdsToken.set(false);
            assertEquals(InjectionResult.NO_CONTROL, click(screen, 100 + 10, 80 + 20));
            assertTrue(desktop.buttonPresses().isEmpty(), "nothing arrives outside the screen or without the token");
        }
    }

    private static InjectionResult click(InputInjector into, int x, int y) {
        InjectionResult press = into.inject(new InputEvent(Kind.BUTTON_PRESS, x, y, 1, 0));
        InjectionResult release = into.inject(new InputEvent(Kind.BUTTON_RELEASE, x, y, 1, 0));
        assertEquals(press == InjectionResult.INJECTED, release == InjectionResult.INJECTED, "press " + press
                + " but release " + release);
        return press;
    }
}

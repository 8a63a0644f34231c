package org.syncline.distribution.internal.ui.properties;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;

/**
 * One row of the Properties view for a topology element: its label and category, how it reads, and (when it
 * is editable) how a typed value is checked and which command applies it. Choices are shown as a combo box.
 */
record PropertyField(String id, String label, String category, Supplier<String> value, List<String> choices, Edit edit) {
    /** Turns what the user typed into a command, or refuses it with one sentence. */
    interface Edit {
        /** @return the sentence saying why {@code text} is refused, or null when it is accepted */
        String refusal(String text);

        Command command(String text);
    }

    static PropertyField readOnly(String category, String label, Supplier<String> value) {
        return new PropertyField(category + "." + label, label, category, value, List.of(), null);
    }

    static PropertyField text(String category, String label, Supplier<String> value, Function<String, String> refusal,
            Function<String, Command> command) {
        return new PropertyField(category + "." + label, label, category, value, List.of(), edit(refusal, command));
    }

    static PropertyField choice(String category, String label, Supplier<String> value, List<String> choices, Function<String, Command> command) {
        return new PropertyField(category + "." + label, label, category, value, List.copyOf(choices), edit(t -> choices.contains(t) ? null
                : label + " must be one of " + String.join(", ", choices) + ".", command));
    }

    private static Edit edit(Function<String, String> refusal, Function<String, Command> command) {
        return new Edit() {
            @Override
            public String refusal(String text) {
                return refusal.apply(text);
            }

            @Override
            public Command command(String text) {
                return command.apply(text);
            }
        };
    }

    boolean editable() {
        return edit != null;
    }
}

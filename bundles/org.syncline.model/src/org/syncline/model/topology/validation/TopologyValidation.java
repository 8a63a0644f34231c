package org.syncline.model.topology.validation;

import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.syncline.model.topology.Deployment;

/** Runs the {@link TopologyValidator} over a whole deployment and reads the result as sentences. */
public final class TopologyValidation {
    static {
        TopologyValidator.register();
    }

    /** The outcome: errors refuse a save, warnings are shown with it. */
    public record Result(List<String> errors, List<String> warnings) {
        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private TopologyValidation() {
    }

    public static Diagnostic diagnose(Deployment d) {
        return Diagnostician.INSTANCE.validate(d);
    }

    public static Result validate(Deployment d) {
        Diagnostic all = diagnose(d);
        return new Result(messages(all, Diagnostic.ERROR), messages(all, Diagnostic.WARNING));
    }

    private static List<String> messages(Diagnostic all, int severity) {
        return all.getChildren().stream().filter(c -> c.getSeverity() == severity).map(Diagnostic::getMessage).toList();
    }
}

package org.syncline.distribution.internal.ui.properties;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.ui.views.properties.ComboBoxPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.NamedElement;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyPackage;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.policy.LinkPolicies;
import org.syncline.model.topology.query.Elements;

/**
 * The Properties view of a region, group, server, route or the deployment. Each change is a {@link SetCommand}
 * on the editing domain of the element's topology document, so it is undone with Ctrl+Z, makes the editor
 * dirty and re-runs validation; a value the model cannot hold is refused with a sentence (the Properties view
 * shows it in its status line) and changes nothing. Elements outside a document are shown read-only.
 */
public final class TopologyPropertySource implements IPropertySource {
    private static final TopologyPackage P = TopologyPackage.eINSTANCE;
    private static final List<String> MODES = List.of("delta", "whole file");
    private static final List<String> YES_NO = List.of("yes", "no");
    private static final List<String> CODECS = List.of("deflate", "zstd");

    private final EObject element;
    private final EditingDomain domain;
    private final List<PropertyField> fields = new ArrayList<>();

    public TopologyPropertySource(EObject element) {
        this.element = element;
        this.domain = AdapterFactoryEditingDomain.getEditingDomainFor(element);
        switch (element) {
            case Server s -> server(s);
            case Group g -> {
                name("Group", g);
                fields.add(PropertyField.readOnly("Group", "Path", () -> Elements.path(g)));
                fields.add(PropertyField.readOnly("Group", "Servers", () -> Integer.toString(g.getServers().size())));
            }
            case Region r -> {
                name("Region", r);
                fields.add(PropertyField.readOnly("Region", "Groups", () -> Integer.toString(r.getGroups().size())));
            }
            case Route r -> route(r);
            case Deployment d -> deployment(d);
            default -> throw new IllegalArgumentException("not a topology element: " + element.eClass().getName());
        }
    }

    private void server(Server s) {
        String c = "Server";
        name(c, s);
        fields.add(PropertyField.text(c, "Host", s::getHost, FieldChecks::host, t -> set(s, P.getServer_Host(), t.trim())));
        fields.add(PropertyField.text(c, "Port", () -> Integer.toString(s.getPort()), FieldChecks::port,
                t -> set(s, P.getServer_Port(), Integer.parseInt(t.trim()))));
        fields.add(PropertyField.text(c, "Roles", () -> String.join(", ", s.getRoles()), FieldChecks::words,
                t -> set(s, P.getServer_Roles(), FieldChecks.list(t))));
        fields.add(PropertyField.text(c, "Hardware weight", () -> Integer.toString(s.getWeight()), FieldChecks::weight,
                t -> set(s, P.getServer_Weight(), Integer.parseInt(t.trim()))));
        fields.add(PropertyField.text(c, "Tags", () -> String.join(", ", s.getTags()), FieldChecks::words,
                t -> set(s, P.getServer_Tags(), FieldChecks.list(t))));
        fields.add(PropertyField.readOnly(c, "Group", () -> s.getGroup() == null ? "(unassigned)" : Elements.path(s.getGroup())));
        fields.add(PropertyField.readOnly(c, "Agent", () -> empty(s.getAgentId()) ? "(none enrolled)" : s.getAgentId()));
        fields.add(PropertyField.readOnly(c, "State", () -> s.getState().getLiteral().toLowerCase(java.util.Locale.ROOT)));
    }

    private void route(Route r) {
        String c = "Route";
        fields.add(PropertyField.readOnly(c, "From", () -> Elements.endName(r.getFrom())));
        fields.add(PropertyField.readOnly(c, "To", () -> Elements.endName(r.getTo())));
        fields.add(PropertyField.choice(c, "Own policy", () -> r.getPolicy() != null ? "yes" : "no", YES_NO,
                t -> set(r, P.getRoute_Policy(), "yes".equals(t) ? EcoreUtil.copy(LinkPolicies.effective(r)) : null)));
        policy("Route policy", r, P.getRoute_Policy(), () -> LinkPolicies.effective(r));
    }

    private void deployment(Deployment d) {
        fields.add(PropertyField.text("Deployment", "Name", () -> nonNull(d.getName()), t -> null, t -> set(d, P.getNamedElement_Name(), t.trim())));
        fields.add(PropertyField.readOnly("Deployment", "Servers", () -> Integer.toString(Elements.servers(d).size())));
        fields.add(PropertyField.readOnly("Deployment", "Unassigned", () -> Integer.toString(d.getUnassigned().size())));
        fields.add(PropertyField.readOnly("Deployment", "Routes", () -> Integer.toString(d.getRoutes().size())));
        policy("Default policy, same group", d, P.getDeployment_SameGroupPolicy(), d::getSameGroupPolicy);
        policy("Default policy, same region", d, P.getDeployment_SameRegionPolicy(), d::getSameRegionPolicy);
        policy("Default policy, between regions", d, P.getDeployment_BetweenRegionsPolicy(), d::getBetweenRegionsPolicy);
    }

    /**
     * The five fields of a link policy held by {@code owner.feature}; {@code shown} is the policy in force. An
     * edit sets a changed copy of it as the owner's own policy, so one command undoes it whole.
     */
    private void policy(String c, EObject owner, EStructuralFeature feature, java.util.function.Supplier<LinkPolicy> shown) {
        java.util.function.Supplier<LinkPolicy> current = () -> shown.get() != null ? shown.get() : LinkPolicies.builtIn();
        fields.add(PropertyField.choice(c, "Transfer mode", () -> current.get().getTransferMode() == TransferMode.DELTA ? MODES.get(0) : MODES.get(1),
                MODES, t -> setPolicy(owner, feature, current.get(), p -> p.setTransferMode(t.equals(MODES.get(0)) ? TransferMode.DELTA : TransferMode.WHOLE_FILE))));
        fields.add(PropertyField.text(c, "Compression (0-9)", () -> Integer.toString(current.get().getCompression()), FieldChecks::compression,
                t -> setPolicy(owner, feature, current.get(), p -> p.setCompression(Integer.parseInt(t.trim())))));
        fields.add(PropertyField.choice(c, "Codec", () -> current.get().getCodec().getName().toLowerCase(java.util.Locale.ROOT),
                CODECS, t -> setPolicy(owner, feature, current.get(), p -> p.setCodec(org.syncline.model.topology.Codec.get(t.toUpperCase(java.util.Locale.ROOT))))));
        fields.add(PropertyField.text(c, "Bandwidth cap (bytes/s, 0 = none)", () -> Long.toString(current.get().getBandwidthLimit()),
                FieldChecks::bandwidth, t -> setPolicy(owner, feature, current.get(), p -> p.setBandwidthLimit(Long.parseLong(t.trim())))));
    }

    private Command setPolicy(EObject owner, EStructuralFeature feature, LinkPolicy from, java.util.function.Consumer<LinkPolicy> change) {
        LinkPolicy copy = EcoreUtil.copy(from);
        change.accept(copy);
        return set(owner, feature, copy);
    }

    private void name(String category, NamedElement n) {
        fields.add(PropertyField.text(category, "Name", () -> nonNull(n.getName()), FieldChecks::name, t -> set(n, P.getNamedElement_Name(), t.trim())));
    }

    private Command set(EObject owner, EStructuralFeature feature, Object value) {
        return SetCommand.create(domain, owner, feature, value);
    }

    /** The sentence refusing {@code value} for the field {@code id}, or null when it would be applied. */
    public String refusal(Object id, Object value) {
        PropertyField f = field(id);
        if (f == null || !f.editable() || domain == null) {
            return "This field cannot be changed here.";
        }
        return f.edit().refusal(text(f, value));
    }

    @Override
    public Object getEditableValue() {
        return element;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        return fields.stream().map(this::descriptor).toArray(IPropertyDescriptor[]::new);
    }

    private IPropertyDescriptor descriptor(PropertyField f) {
        PropertyDescriptor d;
        if (!f.editable() || domain == null) {
            d = new PropertyDescriptor(f.id(), f.label());
        } else if (!f.choices().isEmpty()) {
            d = new ComboBoxPropertyDescriptor(f.id(), f.label(), f.choices().toArray(String[]::new));
            d.setLabelProvider(new org.eclipse.jface.viewers.LabelProvider() {
                @Override
                public String getText(Object o) {
                    return o instanceof Integer i && i >= 0 && i < f.choices().size() ? f.choices().get(i) : String.valueOf(o);
                }
            });
        } else {
            d = new TextPropertyDescriptor(f.id(), f.label());
            d.setValidator(v -> f.edit().refusal(String.valueOf(v)));
        }
        d.setCategory(f.category());
        return d;
    }

    @Override
    public Object getPropertyValue(Object id) {
        PropertyField f = field(id);
        if (f == null) {
            return null;
        }
        String v = nonNull(f.value().get());
        return f.editable() && domain != null && !f.choices().isEmpty() ? Integer.valueOf(f.choices().indexOf(v)) : v;
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // no field has a reset value: undo (Ctrl+Z) takes a change back
    }

    /** Applies {@code value} through the document's command stack, unless it is refused or changes nothing. */
    @Override
    public void setPropertyValue(Object id, Object value) {
        PropertyField f = field(id);
        if (f == null || refusal(id, value) != null) {
            return;
        }
        String text = text(f, value);
        if (text.equals(nonNull(f.value().get()))) {
            return;
        }
        Command c = f.edit().command(text);
        if (c.canExecute()) {
            domain.getCommandStack().execute(c);
        }
    }

    private static String text(PropertyField f, Object value) {
        if (value instanceof Integer i && !f.choices().isEmpty()) {
            return i >= 0 && i < f.choices().size() ? f.choices().get(i) : "";
        }
        return value == null ? "" : value.toString();
    }

    private PropertyField field(Object id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

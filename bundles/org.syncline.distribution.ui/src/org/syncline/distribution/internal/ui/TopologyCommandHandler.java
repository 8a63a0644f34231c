package org.syncline.distribution.internal.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.syncline.core.ErrorCode;
import org.syncline.distribution.internal.ui.jobs.JobLogView;
import org.syncline.distribution.internal.ui.jobs.JobsView;
import org.syncline.distribution.internal.ui.monitor.AlertsView;
import org.syncline.distribution.internal.ui.monitor.OutboxView;
import org.syncline.distribution.internal.ui.monitor.MonitorView;
import org.syncline.core.SynclineException;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.Servers;

/** Every Distribution command; the command id says which action. Editor commands act on the active editor. */
public final class TopologyCommandHandler extends AbstractHandler {
    private static final String PREFIX = "org.syncline.distribution.ui.";

    @Override
    public Object execute(ExecutionEvent event) {
        String action = event.getCommand().getId().substring(PREFIX.length());
        if ("openEditor".equals(action)) {
            openEditor(event);
            return null;
        }
        if ("showAlerts".equals(action) || "showMonitor".equals(action)) {
            showView(event, "showAlerts".equals(action) ? AlertsView.ID : MonitorView.ID);
            return null;
        }
        if ("showOutbox".equals(action)) {
            showView(event, OutboxView.ID);
            return null;
        }
        if ("showJobs".equals(action) || "showJobLog".equals(action)) {
            showView(event, "showJobs".equals(action) ? JobsView.ID : JobLogView.ID);
            return null;
        }
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        if (part instanceof TopologyEditor editor) {
            switch (action) {
                case "autoLayout" -> editor.execute(editor.edits().arrangeAll());
                case "routeTool" -> editor.canvas().useRouteTool();
                case "addRegion" -> editor.addRegion();
                case "addGroup" -> editor.addGroup();
                case "addServer" -> editor.addServer();
                case "exportPng" -> editor.export("png");
                case "exportSvg" -> editor.export("svg");
                case "reload" -> editor.reload();
                default -> {
                    // not an editor command
                }
            }
        }
        return null;
    }

    private static void showView(ExecutionEvent event, String id) {
        try {
            HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().showView(id);
        } catch (PartInitException e) {
            ErrorReporter.report("Could not open the view", e);
        }
    }

    private static void openEditor(ExecutionEvent event) {
        var server = Servers.selected().filter(s -> s.isConnected());
        if (server.isEmpty()) {
            ErrorReporter.report("Could not open the topology editor",
                    new SynclineException(ErrorCode.CONNECTION_FAILED, "No server is connected: connect to one with the master role first."));
            return;
        }
        try {
            HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().openEditor(new TopologyEditorInput(server.get()), TopologyEditor.ID);
        } catch (PartInitException e) {
            ErrorReporter.report("Could not open the topology editor", e);
        }
    }
}

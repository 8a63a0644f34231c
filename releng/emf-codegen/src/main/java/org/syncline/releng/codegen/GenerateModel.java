package org.syncline.releng.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Runs the EMF generator on a bundle's .genmodel without an IDE: {@code GenerateModel BUNDLE_DIR GENMODEL}.
 * The model folder ({@code modelDirectory} of the genmodel, e.g. src-gen/) is emptied first, so the result
 * depends only on the .ecore and the .genmodel and never needs merging with old generated code.
 */
public final class GenerateModel {
    private GenerateModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GenerateModel BUNDLE_DIR GENMODEL (relative to the bundle, e.g. model/topology.genmodel)");
            System.exit(2);
        }
        Path bundle = Path.of(args[0]).toAbsolutePath().normalize();
        String project = bundle.getFileName().toString();
        URI projectUri = URI.createFileURI(bundle.toString() + "/");
        // The genmodel names folders as platform:/resource/<project>/...: point them at the checkout.
        EcorePlugin.getPlatformResourceMap().put(project, projectUri);

        ResourceSet resources = new ResourceSetImpl();
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
        resources.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
        resources.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        resources.getURIConverter().getURIMap().put(URI.createPlatformResourceURI("/" + project + "/", true), projectUri);

        Resource resource = resources.getResource(URI.createPlatformResourceURI("/" + project + "/" + args[1], true), true);
        GenModel genModel = (GenModel) resource.getContents().get(0);
        genModel.reconcile();
        genModel.setCanGenerate(true);
        Diagnostic problems = genModel.diagnose();
        if (problems.getSeverity() == Diagnostic.ERROR) {
            fail("the genmodel has errors: " + problems);
        }

        Path out = bundle.resolve(genModel.getModelDirectory().substring(project.length() + 2));
        deleteTree(out);

        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI, GenModelGeneratorAdapterFactory.DESCRIPTOR);
        Generator generator = new Generator();
        generator.setInput(genModel);
        Diagnostic result = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE, new BasicMonitor.Printing(System.out));
        if (result.getSeverity() == Diagnostic.ERROR) {
            fail("generation failed: " + result);
        }
        System.out.println("Generated " + out);
        System.exit(0); // EMF leaves a reference-polling thread running
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("generate-model: " + message);
        System.exit(1);
    }
}

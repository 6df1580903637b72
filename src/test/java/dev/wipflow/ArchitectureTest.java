package dev.wipflow;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layering of docs/architecture.md, checked on the main classes: imports only go down, and only the
 * root ({@code App}, {@code Main}) reaches {@code http}.
 */
@AnalyzeClasses(packages = "dev.wipflow", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    /** {@code dev.wipflow} itself, without its subpackages. */
    private static final String ROOT = "dev.wipflow";
    private static final String[] HTTP = {"dev.wipflow.http.."};
    private static final String[] SERVICES = {"dev.wipflow.service..", "dev.wipflow.process..", "dev.wipflow.demo.."};
    private static final String[] PIPELINE = {"dev.wipflow.pipeline.."};
    private static final String[] PARTS = {"dev.wipflow.extract..", "dev.wipflow.describe..", "dev.wipflow.clean..",
            "dev.wipflow.sheet..", "dev.wipflow.llm..", "dev.wipflow.export..", "dev.wipflow.document.."};
    private static final String[] STORE = {"dev.wipflow.store.."};
    private static final String[] MODEL = {"dev.wipflow.wip.."};
    private static final String[] BASE = {"dev.wipflow.run..", "dev.wipflow.net..", "dev.wipflow.config..",
            "dev.wipflow.json.."};

    @ArchTest
    static final ArchRule packages_have_no_cycles = slices().matching("dev.wipflow.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule each_layer_is_used_only_by_the_layers_above_it = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true) // process may have no classes yet
            .layer("Root").definedBy(ROOT)
            .layer("Http").definedBy(HTTP)
            .layer("Services").definedBy(SERVICES)
            .layer("Pipeline").definedBy(PIPELINE)
            .layer("Parts").definedBy(PARTS)
            .layer("Store").definedBy(STORE)
            .layer("Model").definedBy(MODEL)
            .layer("Base").definedBy(BASE)
            .whereLayer("Http").mayOnlyBeAccessedByLayers("Root")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Root", "Http")
            .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Root", "Http", "Services")
            .whereLayer("Parts").mayOnlyBeAccessedByLayers("Root", "Http", "Services", "Pipeline")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Root", "Http", "Services", "Pipeline", "Parts")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Root", "Http", "Services", "Pipeline", "Parts", "Store")
            .whereLayer("Base").mayOnlyBeAccessedByLayers("Root", "Http", "Services", "Pipeline", "Parts", "Store", "Model")
            .ensureAllClassesAreContainedInArchitecture();

    @ArchTest
    static final ArchRule only_the_root_uses_http = classes().that().resideInAnyPackage(HTTP)
            .should().onlyBeAccessed().byClassesThat().resideInAnyPackage(concat(new String[] {ROOT}, HTTP));

    @ArchTest
    static final ArchRule the_model_uses_only_the_base = classes().that().resideInAnyPackage(MODEL)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.wipflow..")
                    .or(resideInAnyPackage(concat(MODEL, BASE))));

    @ArchTest
    static final ArchRule the_base_uses_nothing_of_ours_above_it = classes().that().resideInAnyPackage(BASE)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.wipflow..").or(resideInAnyPackage(BASE)));

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

package io.livedrop.common.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The one layout every service follows (docs/DEVELOPMENT.md, "Layout of a service"): below the
 * service's root package, feature packages, each split into the layers it needs, dependencies
 * pointing inward ({@code web}/{@code messaging} → {@code application} → {@code persistence} /
 * {@code client} → {@code domain}), wiring in {@code <service>.config} that nothing depends on, no
 * cycle between any two packages. A service checks itself with
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.livedrop.order", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *     @ArchTest static final ArchTests layout = ArchTests.in(ServiceArchitecture.class);
 * }
 * }</pre>
 */
public final class ServiceArchitecture {

    private static final String SERVICE_ROOT = "io.livedrop.*";

    /** The packages a class may live in: the root (the application class), config, or a feature's layer. */
    @ArchTest
    public static final ArchRule everyClassLivesInAFeatureLayer = classes()
            .should()
            .resideInAnyPackage(
                    SERVICE_ROOT,
                    SERVICE_ROOT + ".config",
                    SERVICE_ROOT + ".*.web",
                    SERVICE_ROOT + ".*.application",
                    SERVICE_ROOT + ".*.domain",
                    SERVICE_ROOT + ".*.persistence",
                    SERVICE_ROOT + ".*.client",
                    SERVICE_ROOT + ".*.messaging")
            .because(
                    "every service has one layout: <service>.<feature>.{web,messaging,application,domain,persistence,client}");

    @ArchTest
    public static final ArchRule noPackageCycles =
            slices().matching(SERVICE_ROOT + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);

    @ArchTest
    public static final ArchRule domainDependsOnNoOtherLayer = noClasses()
            .that()
            .resideInAPackage(layer("domain"))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    layer("web"), layer("application"), layer("persistence"), layer("client"), layer("messaging"))
            .because("the domain holds the rules and knows nothing of how they are called or stored")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule persistenceServesTheLayersAboveIt = noClasses()
            .that()
            .resideInAPackage(layer("persistence"))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(layer("web"), layer("application"), layer("messaging"), layer("client"))
            .because("repositories store and load domain records; they do not call the use cases")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule peerClientsServeTheLayersAboveThem = noClasses()
            .that()
            .resideInAPackage(layer("client"))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(layer("web"), layer("application"), layer("messaging"), layer("persistence"))
            .because("a client to another service turns calls into HTTP and answers into domain records, nothing more")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule nothingDependsOnTheWiring = noClasses()
            .that()
            .resideOutsideOfPackage(SERVICE_ROOT + ".config")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SERVICE_ROOT + ".config")
            .because("config only wires beans; properties records live in the layer that reads them")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that()
            .resideInAPackage(layer("application"))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(layer("web"), layer("messaging"))
            .because("a use case is the same whether HTTP or Kafka calls it")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule adaptersAreNotCalledByEachOther = noClasses()
            .that()
            .resideInAPackage(layer("web"))
            .should()
            .dependOnClassesThat()
            .resideInAPackage(layer("messaging"))
            .because("HTTP and Kafka entry points both go through the application layer")
            .allowEmptyShould(true);

    /** A layer of any feature of the service under test; not common-lib's packages of the same name. */
    private static String layer(String name) {
        return SERVICE_ROOT + ".*." + name;
    }

    private ServiceArchitecture() {}
}

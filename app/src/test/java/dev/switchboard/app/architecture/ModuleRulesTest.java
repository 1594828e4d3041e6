package dev.switchboard.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Pins the module rules of DESIGN.md section 2.1. The app module's test class path holds every module, so the
 * production classes of all of them are checked here in one place.
 */
@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    private static final String[] JDK = {"java..", "javax.crypto..", "javax.net.."};

    @ArchTest
    static final ArchRule apiDependsOnTheJdkOnly = classes().that().resideInAPackage("dev.switchboard.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(JDK, "dev.switchboard.api.."))
            .because("adapter and plugin authors compile against api alone");

    @ArchTest
    static final ArchRule coreDependsOnApiAndSlf4jOnly = classes().that().resideInAPackage("dev.switchboard.core..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(with(JDK, "dev.switchboard.api..", "dev.switchboard.core..", "org.slf4j.."))
            .because("the engine has no framework imports");

    @ArchTest
    static final ArchRule adaptersPluginsStoreAndConfigNeverSeeCore = noClasses()
            .that().resideInAnyPackage("dev.switchboard.chat..", "dev.switchboard.plugin..", "dev.switchboard.store..",
                    "dev.switchboard.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.core..", "dev.switchboard.server..",
                    "dev.switchboard.app..")
            .because("chat adapters, plugins, stores and the config loader build on api only");

    @ArchTest
    static final ArchRule noAdapterOrPluginDependsOnAnother = slices()
            .matching("dev.switchboard.(chat|plugin).(*)..")
            .should().notDependOnEachOther()
            .because("each platform and backend is its own module");

    @ArchTest
    static final ArchRule adaptersAndPluginsKeepOutOfStoreAndConfig = noClasses()
            .that().resideInAnyPackage("dev.switchboard.chat..", "dev.switchboard.plugin..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.store..", "dev.switchboard.config..");

    @ArchTest
    static final ArchRule storeAndConfigKeepOutOfEachOther = noClasses()
            .that().resideInAPackage("dev.switchboard.store..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.config..");

    @ArchTest
    static final ArchRule configKeepsOutOfTheAlertsModule = noClasses()
            .that().resideInAPackage("dev.switchboard.config..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.alerts..")
            .because("config reads plain records on api; app maps them onto the alerts types (AlertSetup)");

    @ArchTest
    static final ArchRule serverBuildsOnApiAndCoreOnly = noClasses().that().resideInAPackage("dev.switchboard.server..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.chat..", "dev.switchboard.plugin..",
                    "dev.switchboard.store..", "dev.switchboard.config..", "dev.switchboard.app..")
            .because("the HTTP surface sees adapters and stores only through api ports wired by app");

    @ArchTest
    static final ArchRule onlyAppKnowsEveryModule = noClasses().that().resideOutsideOfPackage("dev.switchboard.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.app..");

    @ArchTest
    static final ArchRule internalPackagesStayInTheirModule = noClasses()
            .that().resideOutsideOfPackages("dev.switchboard.core..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.core..internal..");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelModules = slices().matching("dev.switchboard.(*)..")
            .should().beFreeOfCycles();

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}

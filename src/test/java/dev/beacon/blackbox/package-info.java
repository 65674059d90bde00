/**
 * One black-box suite, {@link dev.beacon.blackbox.BlackBoxSuite}, run over HTTP against every way Beacon is
 * deployed: the embedded runner ({@code EmbeddedBlackBoxTest}), the WAR on Payara Micro ({@code PayaraMicroIT}) and
 * on WildFly ({@code WildFlyIT}), each started with the settings of {@link dev.beacon.blackbox.SuiteSettings}.
 */
package dev.beacon.blackbox;

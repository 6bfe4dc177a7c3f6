package dev.atomic.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "atomic " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version")
    };
  }
}

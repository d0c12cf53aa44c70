package io.reelfm.launcher;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, so {@code --version} never drifts from the build. */
public final class ReelFmVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ReelFm.class.getPackage().getImplementationVersion();
        return new String[] {"reelfm " + (version == null ? "development build" : version),
                "Java " + System.getProperty("java.version")};
    }
}

/**
 * The local AWS emulator: a pinned moto release, installed from PyPI into a virtualenv and run on a
 * loopback port, so that the demo and the integration tests need neither AWS nor Docker.
 *
 * <p>Settings (system property, then environment variable, then default): install folder {@code
 * keywarden.emulator.dir} / {@code KEYWARDEN_EMULATOR_DIR} / {@code ~/.cache/keywarden/emulator};
 * interpreter {@code keywarden.python} / {@code KEYWARDEN_PYTHON} / {@code python3} on the PATH;
 * moto release {@code keywarden.moto.version} / the version the build pinned.
 */
package dev.keywarden.emulator;

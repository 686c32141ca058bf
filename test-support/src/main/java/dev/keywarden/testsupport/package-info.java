/**
 * JUnit 5 extensions that hand integration tests a ready {@link
 * dev.keywarden.emulator.AwsEndpoint}: {@link dev.keywarden.testsupport.WithEmulator} (moto on
 * loopback, reset before each test) and {@link dev.keywarden.testsupport.WithLocalStack}
 * (LocalStack in Docker, skipped without it).
 */
package dev.keywarden.testsupport;

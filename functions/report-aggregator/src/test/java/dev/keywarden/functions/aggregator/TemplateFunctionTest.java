package dev.keywarden.functions.aggregator;

import dev.keywarden.testsupport.DeployedFunctionContract;

/**
 * template.yaml deploys this module's function from the jar this module builds, with a handler that
 * exists.
 */
class TemplateFunctionTest extends DeployedFunctionContract {}

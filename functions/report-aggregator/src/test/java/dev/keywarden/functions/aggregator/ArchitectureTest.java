package dev.keywarden.functions.aggregator;

import dev.keywarden.testsupport.FunctionArchitectureContract;

class ArchitectureTest extends FunctionArchitectureContract {}

package dev.keywarden.functions.dispatcher;

import dev.keywarden.testsupport.FunctionArchitectureContract;

class ArchitectureTest extends FunctionArchitectureContract {}

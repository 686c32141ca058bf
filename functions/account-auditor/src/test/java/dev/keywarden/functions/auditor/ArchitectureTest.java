package dev.keywarden.functions.auditor;

import dev.keywarden.testsupport.FunctionArchitectureContract;

class ArchitectureTest extends FunctionArchitectureContract {}

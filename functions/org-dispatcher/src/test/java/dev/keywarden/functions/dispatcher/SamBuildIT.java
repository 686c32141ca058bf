package dev.keywarden.functions.dispatcher;

import dev.keywarden.testsupport.SamBuildContract;

/** sam build of this function, through the Makefile, where the SAM CLI is installed. */
class SamBuildIT extends SamBuildContract {}

# What `sam build` runs for each function of template.yaml (Metadata: BuildMethod: makefile), in this
# folder: the project's own Maven build of the function's module, then the deployment jar's content into
# the folder SAM packages ($(ARTIFACTS_DIR)), as Lambda would unpack the jar itself.

MVN ?= mvn
MVN_FLAGS ?= -B -ntp -q -DskipTests

# $(call function,<module>) builds functions/<module>/target/<module>.jar and unpacks it for SAM.
define function
	$(MVN) $(MVN_FLAGS) -f "$(CURDIR)/pom.xml" -pl functions/$(1) -am package
	cd "$(ARTIFACTS_DIR)" && jar xf "$(CURDIR)/functions/$(1)/target/$(1).jar"
endef

.PHONY: build-OrgDispatcherFunction build-AccountAuditorFunction build-ReportAggregatorFunction

build-OrgDispatcherFunction:
	$(call function,org-dispatcher)

build-AccountAuditorFunction:
	$(call function,account-auditor)

build-ReportAggregatorFunction:
	$(call function,report-aggregator)

"""Plans, revisions and reflections as FHIR R4 and R5 resources, written and read as dicts."""

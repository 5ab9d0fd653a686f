// A resource of the `evil` provider: the engine starts pulumi-resource-evil to serve it, found on PATH or under
// Pulumi.yaml's `plugins:`. Started at all, that plugin writes a file outside any scratch directory.
const pulumi = require("@pulumi/pulumi");

new pulumi.CustomResource("evil:index:Thing", "thing", {});

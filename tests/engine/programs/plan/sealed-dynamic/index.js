// A program with a dynamic resource: its provider is the program's own code, run by Pulumi's bundled
// pulumi-resource-pulumi-nodejs. Its create appends to the file `marker` names, outside any scratch directory.
const pulumi = require("@pulumi/pulumi");

const marker = new pulumi.Config().require("marker");
const webhook = {
    async create(inputs) {
        require("node:fs").appendFileSync(inputs.file, "created\n");
        return { id: "webhook-1", outs: inputs };
    },
};
new pulumi.dynamic.Resource(webhook, "webhook", { file: marker });

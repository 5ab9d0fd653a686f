// The floor of `npm run bench:provider`: a plugin started exactly like the others that answers Construct with a
// bare component and loads nothing else. No provider started by the Node.js host can answer sooner.
const { main } = require("@pulumi/pulumi/provider/server");
const { ComponentResource } = require("@pulumi/pulumi/resource");

main(
    {
        version: "0.0.0",
        schema: "{}",
        async construct(name, type, inputs, opts) {
            const component = new ComponentResource(type, name, {}, opts);
            component.registerOutputs({});
            return { urn: component.urn, state: {} };
        },
    },
    process.argv.slice(2),
);

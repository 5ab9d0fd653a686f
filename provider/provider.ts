import * as pulumi from "@pulumi/pulumi";
import { PRIVATE_ENDPOINT_TYPE } from "../sdk/aws";
import { PrivateEndpoint, PrivateEndpointArgs } from "../sdk/privateEndpoint";

/**
 * Serves PrivateEndpoint to other languages from the committed schema and the compiled component: no TypeScript
 * analysis at start, unlike the stock auto-discovered ComponentProvider, which infers the schema from sources
 * at the first request (seconds).
 */
export class AppRunnerPrivateProvider implements pulumi.provider.Provider {
    readonly version: string;
    private readonly outputNames: string[];

    constructor(readonly schema: string) {
        const parsed = JSON.parse(schema);
        this.version = parsed.version;
        this.outputNames = Object.keys(parsed.resources[PRIVATE_ENDPOINT_TYPE].properties);
    }

    async construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<pulumi.provider.ConstructResult> {
        if (type !== PRIVATE_ENDPOINT_TYPE) {
            throw new Error(`unknown resource type ${type}; this provider serves ${PRIVATE_ENDPOINT_TYPE}`);
        }
        const component = new PrivateEndpoint(name, inputs as PrivateEndpointArgs, options);
        const outputs = component as unknown as Record<string, pulumi.Output<unknown>>;
        return { urn: component.urn, state: Object.fromEntries(this.outputNames.map((k) => [k, outputs[k]])) };
    }
}

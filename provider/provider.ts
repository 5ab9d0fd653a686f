import * as pulumi from "@pulumi/pulumi";
import { InterfaceEndpoint, InterfaceEndpointArgs, PrivateEndpoint, PrivateEndpointArgs } from "@apprunner-private/apprunner-private";
import { INTERFACE_ENDPOINT_TYPE, PRIVATE_ENDPOINT_TYPE } from "@apprunner-private/apprunner-private/aws";
import { describeFailure, isRefusal, isSdkFailure, refusalOf, useDeployment } from "@apprunner-private/apprunner-private/provider";

/**
 * Serves PrivateEndpoint and InterfaceEndpoint to other languages from the committed schema and the compiled component: no TypeScript
 * analysis at start, unlike the stock auto-discovered ComponentProvider, which infers the schema from sources
 * at the first request (seconds).
 */
export class AppRunnerPrivateProvider implements pulumi.provider.Provider {
    readonly version: string;
    /** The output names of each component the schema declares. */
    private readonly outputNames: Record<string, string[]>;

    constructor(readonly schema: string) {
        const parsed = JSON.parse(schema);
        this.version = parsed.version;
        this.outputNames = Object.fromEntries(
            Object.entries<any>(parsed.resources).map(([token, r]) => [token, Object.keys(r.properties)]),
        );
    }

    async construct(
        name: string,
        type: string,
        inputs: pulumi.Inputs,
        options: pulumi.ComponentResourceOptions,
    ): Promise<pulumi.provider.ConstructResult> {
        const make = COMPONENTS[type];
        if (!make) throw new Error(`unknown resource type ${type}; this provider serves ${Object.keys(COMPONENTS).join(" and ")}`);
        // The engine sends each component in its own Construct, with its own resource monitor; what must hold across
        // a deployment's components (one connection per service) is kept per project, stack and kind of run.
        useDeployment(`${pulumi.getProject()}/${pulumi.getStack()}/${pulumi.runtime.isDryRun() ? "preview" : "update"}`);
        let state: Record<string, unknown>;
        let component: pulumi.ComponentResource;
        try {
            component = make(name, inputs, options);
            // A refusal answers this Construct alone: the refused component's children never register (see
            // answerRefusalsInConstruct). Its checks settle before any child registers, so this costs nothing.
            const refused = await refusalOf(component);
            if (refused) throw refused;
            const outputs = component as unknown as Record<string, pulumi.Output<unknown>>;
            state = Object.fromEntries(this.outputNames[type].map((k) => [k, outputs[k]]));
            // Every output settles once every child has registered or failed: a failure is answered here, in one line.
            await Promise.all(Object.values(state).map((o) => (o as { promise(): Promise<unknown> }).promise()));
        } catch (e) {
            // The engine prefixes the answer with "<type> resource '<name>' has a problem: ", so the component's own
            // refusal is its message alone; a child's failure names the child.
            throw new Error(isRefusal(e) ? (e as Error).message : describeFailure(e), { cause: e });
        }
        return { urn: component.urn, state };
    }
}

const COMPONENTS: Record<
    string,
    (name: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions) => pulumi.ComponentResource
> = {
    [PRIVATE_ENDPOINT_TYPE]: (name, inputs, options) => new PrivateEndpoint(name, inputs as PrivateEndpointArgs, options),
    [INTERFACE_ENDPOINT_TYPE]: (name, inputs, options) => new InterfaceEndpoint(name, inputs as InterfaceEndpointArgs, options),
};

/**
 * A child that fails (AWS refuses it) fails its component's outputs, which that component's Construct awaits and
 * answers in one line. The SDK also raises the error as unhandled rejections, and the handlers the plugin host and the
 * provider server register would answer every Construct in flight with it, other components' included, and format
 * its stack (through source-map-support that took ~19 s of CPU; tests/provider.test.ts). Called once they are
 * registered (after `main` is called), this leaves them every other rejection, in their order.
 */
export function answerChildFailuresInTheirConstruct(): void {
    for (const listener of process.listeners("unhandledRejection")) {
        process.removeListener("unhandledRejection", listener);
        process.on("unhandledRejection", (reason, promise) => {
            if (engineGone(reason)) process.exit(0);
            if (!isSdkFailure(reason)) listener(reason, promise);
        });
    }
}

/**
 * The engine has ended the deployment and closed its resource monitor while a Construct was still registering or
 * sending the component's outputs (gRPC CANCELLED, 1, "Call cancelled", or UNAVAILABLE, 14, "resource monitor shut
 * down" or the connection gone): there is nobody left to answer, and the engine has already reported the deployment's
 * outcome, so the plugin exits quietly instead of printing the SDK's dump.
 */
export function engineGone(reason: unknown): boolean {
    const e = reason as { code?: unknown; message?: unknown; details?: unknown };
    const text = `${String(e?.message ?? "")} ${String(e?.details ?? "")}`;
    if (e?.code === 1) return /Call cancelled/i.test(text);
    return e?.code === 14 && /resource monitor shut down|No connection established|Connection dropped|ECONNREFUSED/i.test(text);
}

// Mocks that behave like AWS for `pulumi.runtime.setMocks`, used by the tests and by `apprunner-private plan`. AWS
// itself is the model in ./model.ts, the one the real-engine tests' stand-in plugin serves too; this adapts it to
// the mocks interface: every registration and invoke is recorded, with the resource options the monitor saw, and
// an unmocked invoke or resource type throws.
import * as pulumi from "@pulumi/pulumi";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rpc = require("@pulumi/pulumi/runtime/rpc");
import { AwsModel, DEFAULT_REGION, Topology, hex } from "./model";

export { ACCOUNT_ID, DEFAULT_REGION, OTHER_ACCOUNT_ID, TOPOLOGY, Topology, hex, serviceArn, zoneId } from "./model";

export interface AwsMocksOptions {
    /** The AWS provider's region (the stack's aws:region). Default: us-east-1. */
    region?: string;
    /** A preview: AWS is asked nothing, so ids and computed outputs stay unknown. */
    preview?: boolean;
    topology?: Topology;
    /** Outputs of stacks a program references, by stack name. */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** Give resources of types not modelled here generated ids instead of failing (the plan). */
    passThroughUnmodelled?: boolean;
    /** Say, when a lookup misses, which ids could have been found. */
    explainMisses?: boolean;
    /** Collect every unhandled rejection, not only Pulumi's (the plan: nothing else would report them). */
    collectAllRejections?: boolean;
}

/** One registration as the monitor saw it. */
export interface Registration {
    type: string;
    name: string;
    custom: boolean;
    inputs: Record<string, any>;
    /** The URN of the parent resource, "" when none. */
    parent: string;
    /** The provider reference (`urn::id`), "" for the default provider. */
    provider: string;
    deleteBeforeReplace: boolean;
    /** For each input property, the URNs of the resources its value depends on. */
    propertyDependencies: Record<string, string[]>;
    /** The aliases the monitor received: URNs, or `<name> under <parent URN>` for an alias given by name and parent. */
    aliases: string[];
    /** The inputs as the engine received them, unknown values kept (pulumi.isUnknown); for policy analysis. */
    engineInputs: Record<string, any>;
    urn?: string;
    id?: string;
    state?: Record<string, any>;
}

export interface Invoke {
    token: string;
    inputs: Record<string, any>;
    provider: string;
}

let current: AwsMocks | undefined;
let listening = false;

export class AwsMocks implements pulumi.runtime.Mocks {
    readonly registrations: Registration[] = [];
    readonly invokes: Invoke[] = [];
    /** Rejections no one awaited: how Pulumi reports an error thrown inside an apply. */
    readonly unhandled: Error[] = [];
    readonly region: string;
    readonly preview: boolean;
    /** AWS: what exists, and the rules it keeps. */
    readonly model: AwsModel;

    private readonly providerRegions = new Map<string, string>();
    private readonly options = new Map<string, Pick<Registration, "parent" | "provider" | "deleteBeforeReplace" | "propertyDependencies" | "aliases" | "engineInputs">>();

    /** Resources of types the mocks do not model, passed through (the plan's mode; tests throw instead). */
    readonly passedThrough: Registration[] = [];
    readonly options_: AwsMocksOptions;

    constructor(opts: AwsMocksOptions = {}) {
        this.options_ = opts;
        this.region = opts.region ?? DEFAULT_REGION;
        this.preview = opts.preview ?? false;
        this.model = new AwsModel(undefined, opts.explainMisses);
        if (opts.topology) this.model.addTopology(opts.topology, this.region);
    }

    /** Adds existing VPCs, subnets, endpoints and services (the plan's --topology file). */
    addTopology(topology: Topology): this {
        this.model.addTopology(topology, this.region);
        return this;
    }

    /** Adds an App Runner service that exists before the program runs. */
    addService(arn: string): this {
        this.model.addService(arn);
        return this;
    }

    /** The Availability Zone of a subnet the mocks know, for the plan's diagram. */
    subnetZone(id: string): string | undefined {
        return this.model.subnetZone(id);
    }

    /** Deletes a resource as AWS would (setMocks has no delete, so tests call this): see `AwsModel.delete`. */
    delete(type: string, id: string): void {
        this.model.delete(type, id);
    }

    /**
     * Waits until registrations have stopped coming (none added for a few turns of the event loop): they finish
     * asynchronously, and not every one is reachable from an output to await.
     */
    async settle(onProgress?: (registered: number) => void): Promise<void> {
        let stable = 0;
        let seen = -1;
        while (stable < 5) {
            await new Promise((r) => setTimeout(r, 10));
            if (this.registrations.length === seen) stable++;
            else {
                stable = 0;
                seen = this.registrations.length;
                onProgress?.(seen);
            }
        }
    }

    /** Sets these mocks as the Pulumi runtime's, and captures the options of every registration. */
    install(project = "project", stack = "stack"): this {
        current = this;
        pulumi.runtime.setMocks(this, project, stack, this.preview);
        const monitor: any = pulumi.runtime.getMonitor();
        const registerResource = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: any) => {
            const key = `${req.getType()}::${req.getName()}`;
            this.options.set(key, {
                parent: req.getParent(),
                provider: req.getProvider(),
                deleteBeforeReplace: req.getDeletebeforereplace(),
                propertyDependencies: Object.fromEntries(
                    [...req.getPropertydependenciesMap().entries()].map(([k, v]: [string, any]) => [k, v.getUrnsList()]),
                ),
                aliases: [
                    ...req.getAliasurnsList(),
                    ...req.getAliasesList().map((a: any) => a.getUrn() || `${a.getSpec().getName()} under ${a.getSpec().getParenturn()}`),
                ],
                engineInputs: rpc.deserializeProperties(req.getObject(), true),
            });
            return registerResource(req, (err: any, resp: any) => {
                const registration = this.registrations.find((r) => `${r.type}::${r.name}` === key);
                if (registration && resp) registration.urn = resp.getUrn();
                callback(err, resp);
            });
        };
        if (!listening) {
            listening = true;
            // Pulumi reports a failed registration as an unhandled rejection; the current mocks collect those for
            // the test to assert. The process's other listeners (mocha's, Pulumi's) stay: mocha re-emits rejections
            // it does not own, so the same one can arrive twice, and is kept once.
            process.on("unhandledRejection", (reason) => {
                const ours = current && (current.options_.collectAllRejections || isFromPulumi(reason));
                if (ours && !current!.unhandled.includes(reason as Error)) current!.unhandled.push(reason as Error);
            });
        }
        return this;
    }

    /** Registrations of custom resources (AWS resources and providers), in order. */
    custom(type?: string): Registration[] {
        return this.registrations.filter((r) => r.custom && (type === undefined || r.type === type));
    }

    byName(name: string): Registration {
        const found = this.registrations.filter((r) => r.name === name);
        if (found.length !== 1) throw new Error(`expected one registration named ${name}, found ${found.length}`);
        return found[0];
    }

    invokesOf(token: string): Invoke[] {
        return this.invokes.filter((i) => i.token === token);
    }

    private regionOf(provider: string | undefined, inputs: Record<string, any> = {}): string {
        if (typeof inputs.region === "string") return inputs.region;
        if (!provider) return this.region;
        const id = provider.split("::").pop()!;
        const region = this.providerRegions.get(id);
        if (!region) throw new Error(`mocks: unknown provider reference ${provider}`);
        return region;
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        // AWS sees the plain values: the engine unwraps secrets before a provider gets them.
        const [inputs] = rpc.unwrapSecretValues(args.inputs ?? {});
        this.invokes.push({ token: args.token, inputs, provider: args.provider ?? "" });
        try {
            return this.model.invoke(args.token, inputs, this.regionOf(args.provider, inputs));
        } catch (e) {
            // The engine answers a failed invoke as a gRPC error whose `details` carry the provider's message.
            throw Object.assign(e as Error, { details: `invocation of ${args.token} returned an error: ${(e as Error).message}` });
        }
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        // AWS sees the plain values; the engine keeps an output secret when the input of the same name was.
        const secretKeys = Object.keys(args.inputs).filter((k) => rpc.unwrapSecretValues(args.inputs[k])[1]);
        const [inputs] = rpc.unwrapSecretValues(args.inputs);
        args = { ...args, inputs };
        const registration: Registration = {
            type: args.type,
            name: args.name,
            custom: args.custom ?? false,
            inputs: args.inputs,
            parent: "",
            provider: "",
            deleteBeforeReplace: false,
            propertyDependencies: {},
            aliases: [],
            engineInputs: args.inputs,
            ...this.options.get(`${args.type}::${args.name}`),
        };
        this.registrations.push(registration);
        const result = this.create(args);
        registration.id = result.id;
        registration.state = result.state;
        const state = { ...result.state };
        for (const k of secretKeys) if (k in state) state[k] = { [rpc.specialSigKey]: rpc.specialSecretSig, value: state[k] };
        return { id: result.id, state };
    }

    private create(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        const inputs = args.inputs;
        if (!args.custom) return { id: undefined, state: {} };
        if (args.type === "pulumi:providers:aws") {
            const id = hex(`provider/${args.name}`, 8) + "-0000-4000-8000-" + hex(`provider/${args.name}`, 12);
            this.providerRegions.set(id, inputs.region ?? this.region);
            return { id, state: inputs };
        }
        const region = this.regionOf(args.provider, inputs);
        // A preview asks AWS nothing: new resources have unknown ids and computed outputs.
        if (this.preview) return { id: undefined, state: inputs };
        if (AwsModel.models(args.type)) return this.model.create(args.type, args.name, inputs, region);
        if (args.type === "pulumi:pulumi:StackReference") {
            const outputs = this.options_.stackReferences?.[inputs.name];
            if (outputs === undefined) {
                throw new Error(`stack reference "${inputs.name}" has no outputs here: pass --stack-reference ${inputs.name}=FILE (a JSON object of its outputs)`);
            }
            return { id: inputs.name, state: { name: inputs.name, outputs, secretOutputNames: [] } };
        }
        if (this.options_.passThroughUnmodelled) {
            this.passedThrough.push(this.registrations[this.registrations.length - 1]);
            // Pulumi's autonaming, for the many types with a `name`: the logical name and 7 random characters.
            const seed = `${args.type}/${args.name}`;
            return { id: `${args.name}-${hex(seed, 8)}`, state: { name: `${args.name}-${hex(`${seed}/name`, 7)}`, ...inputs } };
        }
        throw new Error(`mocks: unmocked resource type ${args.type}`);
    }
}

/** Rejections Pulumi's runtime raises for a program's resources: registration and apply failures. */
function isFromPulumi(reason: unknown): boolean {
    return pulumi.ResourceError.isInstance(reason) || pulumi.RunError.isInstance(reason) || /^mock AWS|^mocks: /.test(String((reason as Error)?.message));
}

/** The value of an Output, or `undefined` when it is unknown (preview). Rejects as the Output does. */
export async function valueOf<T>(output: pulumi.Output<T>): Promise<T | undefined> {
    const o = output as any;
    return (await o.isKnown) ? o.promise() : undefined;
}

/** Sets the program's config; a key without a namespace (`vpcId`) is the project's (`<project>:vpcId`). */
export function setProjectConfig(project: string, config: Record<string, string>): void {
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v])));
}

/**
 * Runs a compiled Pulumi program (a module that registers resources when loaded) under fresh mocks, with the
 * given config (keys without the project prefix), and returns its registrations and resolved stack outputs.
 */
export async function runProgram(
    modulePath: string,
    opts: { config?: Record<string, string>; preview?: boolean; project?: string } = {},
): Promise<{ mocks: AwsMocks; outputs: Record<string, unknown> }> {
    const project = opts.project ?? "project";
    const mocks = new AwsMocks({ preview: opts.preview }).install(project);
    setProjectConfig(project, opts.config ?? {});
    delete require.cache[require.resolve(modulePath)];
    const exported: Record<string, unknown> = require(modulePath);
    const outputs = Object.fromEntries(
        await Promise.all(
            Object.entries(exported).map(async ([k, v]) => [k, pulumi.Output.isInstance(v) ? await valueOf(v) : v] as const),
        ),
    );
    return { mocks, outputs };
}

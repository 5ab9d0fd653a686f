// Mocks that behave like AWS for `pulumi.runtime.setMocks`, for unit tests of programs that use the components. They
// serve the same copy of the AWS provider (./provider) over the same model of AWS (./aws) as the stand-in plugin the
// real-engine tests run, in this process, with AWS finishing every change at once (a wait takes no time). Every registration and invoke
// is recorded with the resource options the monitor saw, under the URN the engine would give it: the full chain of its
// ancestors' types (Pulumi's MockMonitor keeps only the parent's own type), so two same-named children under
// parents of different types never collide.
import * as pulumi from "@pulumi/pulumi";
import { Aws, DEFAULT_REGION, Topology, addExistingService, addTopology, startingAccount } from "./aws";
import { AwsProvider, Ctx, PartialCreate, UNKNOWN, sdkError } from "./provider";
// The SDK's rpc module is internal: its exports are not in the package's types.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module, untyped
const rpc = require("@pulumi/pulumi/runtime/rpc");

export { ACCOUNT_ID, DEFAULT_REGION, OTHER_ACCOUNT_ID, TOPOLOGY, Topology, hex, serviceArn, zoneId } from "./aws";

export interface AwsMocksOptions {
    /** The AWS provider's region (the stack's aws:region). Default: us-east-1. */
    region?: string;
    /** A preview: AWS is asked nothing, so ids and computed outputs stay unknown. */
    preview?: boolean;
    topology?: Topology;
    /** Outputs of stacks a program references, by stack name. */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** Give resources of types not modelled here generated ids instead of failing (a program with an IAM role, say). */
    passThroughUnmodelled?: boolean;
}

/** One registration as the monitor saw it. */
export interface Registration {
    /** The URN the engine gives it. */
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    inputs: Record<string, any>;
    /** The URN of the parent resource, "" when none. */
    parent: string;
    /** The provider reference (`urn::id`), "" for the default provider. */
    provider: string;
    deleteBeforeReplace: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    customTimeouts: { create?: string; update?: string; delete?: string };
    /** For each input property, the URNs of the resources its value depends on. */
    propertyDependencies: Record<string, string[]>;
    /** The aliases the monitor received: URNs, or `<name> under <parent URN>` for an alias given by name and parent. */
    aliases: string[];
    /** The import id (`import` option), "" when none. */
    importId: string;
    /** The inputs as the engine received them, unknown values kept (pulumi.isUnknown); for policy analysis. */
    engineInputs: Record<string, any>;
    id?: string;
    state?: Record<string, any>;
}

export interface Invoke {
    token: string;
    inputs: Record<string, any>;
    provider: string;
}

/**
 * A URN as the engine builds it (resource/urn.go NewURN): the parent's qualified type, `$`, the type; a parent that is
 * the stack adds nothing.
 */
export function engineUrn(stack: string, project: string, parent: string, type: string, name: string): string {
    const parentType = parent ? parent.split("::")[2] : "";
    const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
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
    /** AWS: the account, and its APIs. */
    readonly aws: Aws;
    readonly provider: AwsProvider;
    /** Resources of types the mocks do not model, passed through (with `passThroughUnmodelled`; otherwise they fail). */
    readonly passedThrough: Registration[] = [];
    readonly options: AwsMocksOptions;

    private readonly clock = Date.UTC(2026, 0, 1);
    private readonly providerRegions = new Map<string, string>();
    private pending?: Omit<Registration, "type" | "name" | "custom" | "inputs">;

    constructor(opts: AwsMocksOptions = {}) {
        this.options = opts;
        this.region = opts.region ?? DEFAULT_REGION;
        this.preview = opts.preview ?? false;
        this.aws = new Aws(startingAccount(opts.topology, this.region), { now: () => this.clock, scale: () => 0 });
        let suffixes = 0;
        this.provider = new AwsProvider(
            (region) => this.ctx(region),
            () => (++suffixes).toString(16).padStart(7, "0"),
        );
    }

    /** AWS in a region, as the provider reaches it; AWS's changes are done at once, so a wait never has to sleep. */
    private ctx(region: string): Ctx {
        return {
            region,
            call: async (service, action, params) => {
                try {
                    return this.aws.call(service, action, params, region);
                } catch (e) {
                    throw sdkError(service, action, params, e);
                }
            },
            sleep: async () => undefined,
            now: () => this.clock,
            deadline: () => this.clock,
        };
    }

    /** Adds existing VPCs, subnets, endpoints, security groups and services (a `--topology` file). */
    addTopology(topology: Topology): this {
        addTopology(this.aws.account, topology, this.region);
        return this;
    }

    /** Adds an App Runner service that exists before the program runs. */
    addService(arn: string): this {
        addExistingService(this.aws.account, arn);
        return this;
    }

    /** Deletes a resource as the AWS provider would (setMocks has no delete, so tests call this). */
    async delete(type: string, id: string, region = this.region): Promise<void> {
        await this.provider.delete(type, id, { region }, region);
    }

    /**
     * Waits until registrations have stopped coming (none added for a few turns of the event loop): they finish
     * asynchronously, and not every one is reachable from an output to await.
     */
    async settle(): Promise<void> {
        let stable = 0;
        let seen = -1;
        while (stable < 5) {
            await new Promise((r) => setTimeout(r, 10));
            if (this.registrations.length === seen) stable++;
            else {
                stable = 0;
                seen = this.registrations.length;
            }
        }
    }

    /** Sets these mocks as the Pulumi runtime's, with the engine's URNs, and captures every registration's options. */
    install(project = "project", stack = "stack"): this {
        // The process-wide unhandledRejection listener reports to the mocks installed last.
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- a module-level pointer to the live instance, for the listener
        current = this;
        pulumi.runtime.setMocks(this, project, stack, this.preview);
        const monitor: any = pulumi.runtime.getMonitor();
        monitor.newUrn = (parent: string, type: string, name: string) => engineUrn(stack, project, parent, type, name);
        for (const method of ["registerResource", "readResource"]) {
            const original = monitor[method].bind(monitor);
            monitor[method] = (req: any, callback: any) => {
                const isRegister = method === "registerResource";
                // The monitor calls newResource synchronously from here, so it finds these options.
                this.pending = {
                    urn: engineUrn(stack, project, req.getParent(), req.getType(), req.getName()),
                    parent: req.getParent(),
                    provider: req.getProvider(),
                    deleteBeforeReplace: isRegister && req.getDeletebeforereplace(),
                    ignoreChanges: isRegister ? req.getIgnorechangesList() : [],
                    replaceOnChanges: isRegister ? req.getReplaceonchangesList() : [],
                    customTimeouts: isRegister && req.getCustomtimeouts() ? timeouts(req.getCustomtimeouts()) : {},
                    propertyDependencies: isRegister
                        ? Object.fromEntries(
                              [...req.getPropertydependenciesMap().entries()].map(([k, v]: [string, any]) => [k, v.getUrnsList()]),
                          )
                        : {},
                    aliases: isRegister
                        ? [
                              ...req.getAliasurnsList(),
                              ...req
                                  .getAliasesList()
                                  .map((a: any) => a.getUrn() || `${a.getSpec().getName()} under ${a.getSpec().getParenturn()}`),
                          ]
                        : [],
                    importId: isRegister ? req.getImportid() : req.getId(),
                    engineInputs: rpc.deserializeProperties(isRegister ? req.getObject() : req.getProperties(), true),
                };
                return original(req, callback);
            };
        }
        if (!listening) {
            listening = true;
            // Pulumi reports a failed registration as an unhandled rejection; the current mocks collect those for
            // the test to assert. The process's other listeners (mocha's, Pulumi's) stay: mocha re-emits rejections
            // it does not own, so the same one can arrive twice, and is kept once.
            process.on("unhandledRejection", (reason) => {
                const ours = current && isFromPulumi(reason);
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

    byUrn(urn: string): Registration {
        const found = this.registrations.find((r) => r.urn === urn);
        if (!found) throw new Error(`no registration ${urn}; registered: ${this.registrations.map((r) => r.urn).join(", ")}`);
        return found;
    }

    invokesOf(token: string): Invoke[] {
        return this.invokes.filter((i) => i.token === token);
    }

    private regionOf(provider: string | undefined, inputs: Record<string, any> = {}): string {
        if (typeof inputs.region === "string") return inputs.region;
        if (!provider) return this.region;
        const region = this.providerRegions.get(provider.split("::").pop()!);
        if (!region) throw new Error(`mocks: unknown provider reference ${provider}`);
        return region;
    }

    async call(args: pulumi.runtime.MockCallArgs): Promise<Record<string, any>> {
        // AWS sees the plain values: the engine unwraps secrets before a provider gets them.
        const [inputs] = rpc.unwrapSecretValues(args.inputs ?? {});
        this.invokes.push({ token: args.token, inputs, provider: args.provider ?? "" });
        try {
            return await this.provider.invoke(args.token, inputs, this.regionOf(args.provider, inputs));
        } catch (e) {
            // The engine answers a failed invoke as a gRPC error whose `details` carry the provider's message.
            const message =
                `invocation of ${args.token} returned an error: invoking ${args.token}: 1 error ` +
                `occurred:\n\t* ${(e as Error).message}`;
            throw Object.assign(new Error(message), { details: message });
        }
    }

    newResource(
        args: pulumi.runtime.MockResourceArgs & { urn?: string; parent?: string },
    ): Promise<{ id: string | undefined; state: Record<string, any> }> {
        // Registered through install()'s monitor, the request's options are known; called directly (a fake monitor), only the arguments.
        const options = this.pending ?? {
            urn: args.urn ?? engineUrn("stack", "project", args.parent ?? "", args.type, args.name),
            parent: args.parent ?? "",
            provider: args.provider ?? "",
            deleteBeforeReplace: false,
            ignoreChanges: [],
            replaceOnChanges: [],
            customTimeouts: {},
            propertyDependencies: {},
            aliases: [],
            importId: args.id ?? "",
            engineInputs: args.inputs,
        };
        // AWS sees the plain values; the engine keeps an output secret when the input of the same name was.
        const secretKeys = Object.keys(args.inputs).filter((k) => rpc.unwrapSecretValues(args.inputs[k])[1]);
        const [inputs] = rpc.unwrapSecretValues(args.inputs);
        const registration: Registration = {
            type: args.type,
            name: args.name,
            custom: args.custom ?? false,
            inputs,
            ...options,
        };
        this.pending = undefined;
        this.registrations.push(registration);
        return this.create(registration).then((result) => {
            registration.id = result.id;
            registration.state = result.state;
            const state = { ...result.state };
            for (const k of secretKeys) if (k in state) state[k] = { [rpc.specialSigKey]: rpc.specialSecretSig, value: state[k] };
            return { id: result.id, state };
        });
    }

    private async create(r: Registration): Promise<{ id: string | undefined; state: Record<string, any> }> {
        const inputs = r.inputs;
        if (!r.custom) return { id: undefined, state: {} };
        if (r.type === "pulumi:providers:aws") {
            const id = `${r.name}-provider-${this.providerRegions.size}`;
            this.providerRegions.set(id, inputs.region ?? this.region);
            return { id, state: inputs };
        }
        const region = this.regionOf(r.provider, inputs);
        if (AwsProvider.models(r.type)) {
            // The engine sends a provider the values it does not know yet as its sentinel (a preview).
            const checked = this.provider.check(r.type, r.name, withSentinels(inputs));
            if (checked.failures.length) throw new Error(`${r.type} resource '${r.name}' has a problem: ${checked.failures.join("\n")}`);
            if (r.importId) {
                const read = await this.provider.read(r.type, r.importId, region);
                if (!read) throw new Error(`resource '${r.importId}' does not exist`);
                return { id: r.importId, state: read.state };
            }
            // A preview asks AWS nothing: new resources have unknown ids and computed outputs.
            if (this.preview) return { id: undefined, state: checked.inputs };
            try {
                return await this.provider.create(r.type, checked.inputs, region);
            } catch (e) {
                throw new Error(e instanceof PartialCreate ? `creating ${r.urn}: ${e.message}` : (e as Error).message, { cause: e });
            }
        }
        if (this.preview) return { id: undefined, state: inputs };
        if (r.type === "pulumi:pulumi:StackReference") {
            const outputs = this.options.stackReferences?.[inputs.name];
            if (outputs === undefined) {
                throw new Error(
                    `stack reference "${inputs.name}" has no outputs here: give them in the \`stackReferences\` option of AwsMocks`,
                );
            }
            return { id: inputs.name, state: { name: inputs.name, outputs, secretOutputNames: [] } };
        }
        if (this.options.passThroughUnmodelled) {
            this.passedThrough.push(r);
            // Pulumi's autonaming, for the many types with a `name`: the logical name and 7 characters.
            return {
                id: `${r.name}-${this.passedThrough.length.toString(16).padStart(8, "0")}`,
                state: { name: `${r.name}-${this.passedThrough.length.toString(16).padStart(7, "0")}`, ...inputs },
            };
        }
        throw new Error(`mocks: unmocked resource type ${r.type}`);
    }
}

function withSentinels(v: any): any {
    if (pulumi.isUnknown(v)) return UNKNOWN;
    if (Array.isArray(v)) return v.map(withSentinels);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withSentinels(x)]));
    return v;
}

function timeouts(t: any): Registration["customTimeouts"] {
    return Object.fromEntries(Object.entries({ create: t.getCreate(), update: t.getUpdate(), delete: t.getDelete() }).filter(([, v]) => v));
}

/** Rejections Pulumi's runtime raises for a program's resources: registration and apply failures. */
function isFromPulumi(reason: unknown): boolean {
    return (
        pulumi.ResourceError.isInstance(reason) ||
        pulumi.RunError.isInstance(reason) ||
        /operation error|has a problem|^mocks: |invocation of/.test(String((reason as Error)?.message))
    );
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
    // A compiled program, loaded afresh: a module path known only at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time, loaded synchronously
    const exported: Record<string, unknown> = require(modulePath);
    const outputs = Object.fromEntries(
        await Promise.all(Object.entries(exported).map(async ([k, v]) => [k, pulumi.Output.isInstance(v) ? await valueOf(v) : v] as const)),
    );
    return { mocks, outputs };
}

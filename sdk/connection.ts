// The VPC ingress connection, as an AWS Cloud Control resource of type AWS::AppRunner::VpcIngressConnection
// (`aws.cloudcontrol.Resource`): Cloud Control updates its `IngressVpcConfiguration` in place (App Runner's
// UpdateVpcIngressConnection), so moving a service to another endpoint or VPC keeps its connection, ARN and domain name,
// where `aws.apprunner.VpcIngressConnection` replaces it (DESIGN-NOTES.md, "The connection is a Cloud Control resource").
// What AWS's CloudFormation schema makes create-only (the name, the service, tags) still replaces it: the connection
// carries no tags, and a change of name or service is announced before anything is deleted.
import * as pulumi from "@pulumi/pulumi";
import { show } from "./validation";

export { CONNECTION_SCHEMA, CONNECTION_TYPE_NAME } from "./aws";

/** What a connection joins: the service, the VPC and endpoint it is reached through, and its name when one is given. */
export interface ConnectionFacts {
    serviceArn: string;
    vpcId: string;
    vpcEndpointId: string;
    /** The connection's name; none lets AWS name it (CloudFormation's handler does) and keeps that name. */
    name?: string;
}

/**
 * The connection's `desiredState`: its CloudFormation model as JSON, keys in a fixed order so that the same facts always
 * give the same text (the AWS provider compares the text itself). Tags are left out: CloudFormation accepts them only
 * when the connection is created and replaces it when they change.
 */
export function connectionDesiredState(facts: ConnectionFacts): string {
    return JSON.stringify({
        ServiceArn: facts.serviceArn,
        ...(facts.name !== undefined ? { VpcIngressConnectionName: facts.name } : {}),
        IngressVpcConfiguration: { VpcId: facts.vpcId, VpcEndpointId: facts.vpcEndpointId },
    });
}

/** The connection as Cloud Control reads it (its `properties`). */
export interface ConnectionModel {
    VpcIngressConnectionArn?: string;
    VpcIngressConnectionName?: string;
    ServiceArn?: string;
    Status?: string;
    DomainName?: string;
    IngressVpcConfiguration?: { VpcId?: string; VpcEndpointId?: string };
}

/**
 * After the connection's step: the connection AWS has is AVAILABLE where the program puts it, else a message saying what
 * AWS has and how to recover. `properties` is the provider's last read: empty after an update that failed (the provider
 * keeps the planned state then, without reading), so that case asks for a refresh first. A connection AWS failed to
 * change is moved back and then forward again (each an update in place): the provider sees no change to make while the
 * program says what the stack already records.
 */
export function connectionProblem(arn: string, properties: string, wanted: { vpcId: string; vpcEndpointId: string }): string | undefined {
    const recovery = (section: string) => `README, "Recovering from a failed or interrupted update", "${section}"`;
    if (properties === "") {
        return (
            `The VPC ingress connection ${arn} was not read back after its last update failed: the AWS provider keeps the ` +
            `update as if it had been made. Run \`pulumi refresh\` to read what AWS has, then \`pulumi ` +
            `up\` (${recovery("A move that failed")}).`
        );
    }
    const model = JSON.parse(properties) as ConnectionModel;
    const at = model.IngressVpcConfiguration ?? {};
    if (model.Status === "AVAILABLE" && at.VpcId === wanted.vpcId && at.VpcEndpointId === wanted.vpcEndpointId) return undefined;
    const where =
        `The VPC ingress connection ${arn} is ${model.Status ?? "in an unknown state"} in VPC ${at.VpcId} through endpoint ` +
        `${at.VpcEndpointId}, and the program puts it in VPC ${wanted.vpcId} through endpoint ${wanted.vpcEndpointId}`;
    if (model.Status?.startsWith("PENDING_")) {
        return `${where}: AWS is still changing it. Wait until it is AVAILABLE, then run \`pulumi refresh\` and \`pulumi up\`.`;
    }
    if (model.Status?.startsWith("FAILED_")) {
        return (
            `${where}: AWS did not complete the last change Pulumi recorded for it. To make AWS try again without deleting it, ` +
            "undo the program's change that moved it (its `vpcId`, `vpcEndpointId` or endpoint) and run `pulumi up`, which moves " +
            `it back in place, then make the change again and run \`pulumi up\` (${recovery("A move that failed")}).`
        );
    }
    return (
        `${where}: a change Pulumi recorded did not happen (AWS refused it, or it was undone outside Pulumi). To move it ` +
        "where the program says without deleting it, give the component the VPC and endpoint the connection has now and run " +
        "`pulumi up`, then the ones you want and run `pulumi up` again: each is an update in place " +
        `(${recovery("A move that failed")}).`
    );
}

type Args = Record<string, unknown>;

/** A value a resource hook got: unknown during a preview (`pulumi.unknown`), or secret (an Output), or plain. */
async function valueOf(v: unknown): Promise<{ value: unknown; known: boolean; secret: boolean }> {
    if (v === pulumi.unknown) return { value: undefined, known: false, secret: false };
    if (!pulumi.Output.isInstance(v)) return { value: v, known: true, secret: false };
    const o = v as unknown as { isKnown: Promise<boolean>; promise(): Promise<unknown> };
    const [known, secret] = await Promise.all([o.isKnown, pulumi.isSecret(v)]);
    return { value: known ? await o.promise() : undefined, known, secret };
}

/**
 * Whether an update of a PrivateEndpoint replaces its connection, from the component's arguments before and after (its
 * inputs in the stack's state) and its outputs before: a message to announce, or undefined. Cloud Control replaces the
 * connection when its service or name changes (CloudFormation's create-only properties), and Pulumi when an argument
 * named in `replaceOnChanges` changes; the VPC and the endpoint update it in place.
 */
export async function replacementOf(
    olds: Args,
    news: Args,
    oldOutputs: Args,
    replaceOnChanges: string[] = [],
): Promise<string | undefined> {
    const reasons: string[] = [];
    const watched = ["serviceArn", "connectionName", ...replaceOnChanges.filter((a) => ["vpcId", "vpcEndpointId"].includes(a))];
    if (replaceOnChanges.includes("*")) watched.push("vpcId", "vpcEndpointId");
    let service = "";
    for (const arg of [...new Set(watched)]) {
        const [before, after] = await Promise.all([valueOf(olds[arg]), valueOf(news[arg])]);
        if (arg === "serviceArn") service = show(after.known ? after.value : before.value, after.secret || before.secret);
        if (!after.known) {
            reasons.push(
                `\`${arg}\` is not known yet ` +
                    `(${arg === "serviceArn" ? "is the service being replaced?" : "a value another resource gives"}); ` +
                    `if it changes, the connection is replaced`,
            );
        } else if (JSON.stringify(before.value) !== JSON.stringify(after.value)) {
            const secret = before.secret || after.secret;
            const from = before.value === undefined ? "none" : show(before.value, secret);
            const to = after.value === undefined ? "none" : show(after.value, secret);
            const why = arg === "serviceArn" || arg === "connectionName" ? "" : " (named in `replaceOnChanges`)";
            reasons.push(`\`${arg}\` changes from ${from} to ${to}${why}`);
        }
    }
    if (reasons.length === 0) return undefined;
    const arn = (await valueOf(oldOutputs.vpcIngressConnectionArn)).value;
    const domain = (await valueOf(oldOutputs.domainName)).value;
    return (
        `The VPC ingress connection of the App Runner service ${service} will be replaced: ${reasons.join("; ")}. ` +
        "A service has one connection, so the old one is deleted first, and private ingress to the service is down until the " +
        `new one is AVAILABLE. Its ARN${arn ? ` ${show(arn)}` : ""} changes; whether its domain name${domain ? ` ${show(domain)}` : ""} ` +
        "stays is not documented by AWS, and clients calling it may break. Moving a service to another endpoint or VPC (`vpcEndpointId`, " +
        "`vpcId`, `subnetIds`) replaces nothing."
    );
}

let hooks = 0;

/**
 * Whether resource hooks can be registered: the engine says it runs them (the SDK reads the monitor's features into its
 * runtime state, `supportsResourceHooks`: @pulumi/pulumi runtime/settings.js awaitFeatureSupport, before a program runs and
 * before each Construct), and the monitor can register them (the mocks' monitor claims the feature but has no
 * RegisterResourceHook). The flag is not part of the SDK's declared API, hence the guarded read.
 */
function hooksSupported(): boolean {
    const monitor = pulumi.runtime.getMonitor() as { registerResourceHook?: unknown } | undefined;
    if (typeof monitor?.registerResourceHook !== "function") return false;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK's runtime state has no public accessor
        return require("@pulumi/pulumi/runtime/state").getStore().supportsResourceHooks === true;
    } catch {
        return false;
    }
}

/**
 * What a PrivateEndpoint learns from the engine about its last deployment, through resource hooks that run in previews
 * too: whether the component is new, its arguments and outputs before an update (to announce a replacement), and whether
 * its state comes from a release whose connection was an `aws.apprunner.VpcIngressConnection`. Hooks need the engine;
 * under `pulumi.runtime.setMocks`, whose monitor registers none, there are none, and nothing is announced.
 */
export class ConnectionLifecycle {
    /** Whether the engine runs hooks for this program (not under mocks). */
    readonly hooked: boolean;
    /**
     * The component has completed no deployment before this one: it is new, or every earlier deployment failed before
     * recording its outputs (set before its registration answers).
     */
    firstDeployment = false;
    /** The connection ARN the last deployment recorded, when that deployment was a release before Cloud Control. */
    upgradeFrom?: string;
    private replacement?: string;
    private readonly onCreate?: pulumi.ResourceHook;
    private readonly onUpdate?: pulumi.ResourceHook;
    private readonly beforeConnection?: pulumi.ResourceHook;

    constructor(name: string, replaceOnChanges: string[] | undefined, adoptConnectionArn: unknown) {
        this.hooked = hooksSupported();
        if (!this.hooked) return;
        // Names are unique per deployment: the component's name and a count of this process's components.
        const id = `apprunner-private:PrivateEndpoint:${name}:${++hooks}`;
        const dryRun = { onDryRun: true };
        this.onCreate = new pulumi.ResourceHook(`${id}:created`, () => void (this.firstDeployment = true), dryRun);
        this.onUpdate = new pulumi.ResourceHook(
            `${id}:updated`,
            async (a) => {
                const olds = a.oldInputs ?? {};
                const outputs = a.oldOutputs ?? {};
                // A component whose earlier deployments failed before its outputs were recorded is new in all but name.
                if (typeof outputs.vpcIngressConnectionArn !== "string") this.firstDeployment = true;
                // An earlier release registered the component with no arguments at all.
                if (!("serviceArn" in olds) && typeof outputs.vpcIngressConnectionArn === "string") {
                    this.upgradeFrom = outputs.vpcIngressConnectionArn;
                    return;
                }
                this.replacement = await replacementOf(olds, a.newInputs ?? {}, outputs, replaceOnChanges);
            },
            dryRun,
        );
        this.beforeConnection = new pulumi.ResourceHook(
            `${id}:connection`,
            () => {
                const run =
                    "run `apprunner-private import-connections` (the @apprunner-private/plan package) for this stack, then `pulumi up`";
                if (typeof adoptConnectionArn === "string") {
                    throw new Error(
                        `\`adoptConnectionArn\` names ${adoptConnectionArn}, which is not in this stack yet, and ` +
                            `Pulumi's \`import\` cannot bring ` +
                            `a Cloud Control resource in: ${run} (README, "Adopting existing resources"). Nothing was created.`,
                    );
                }
                if (this.upgradeFrom) {
                    throw new Error(
                        `This stack's connection ${this.upgradeFrom} was deployed by a release that managed it as an ` +
                            `aws.apprunner.VpcIngressConnection; this release manages it through Cloud Control, and AWS ` +
                            `would refuse a second ` +
                            `connection for the service. To keep it as it is: ${run} (README, "Upgrading"). Nothing was ` +
                            `created or deleted.`,
                    );
                }
            },
            dryRun,
        );
    }

    /** The component's options with its hooks added to the user's. */
    componentOptions(opts: pulumi.ComponentResourceOptions = {}): pulumi.ComponentResourceOptions {
        if (!this.onCreate || !this.onUpdate) return opts;
        const given = opts.hooks ?? {};
        return {
            ...opts,
            hooks: {
                ...given,
                beforeCreate: [...(given.beforeCreate ?? []), this.onCreate],
                beforeUpdate: [...(given.beforeUpdate ?? []), this.onUpdate],
            },
        };
    }

    /** The connection's hooks: refused before it is created when it exists in AWS but not in the stack. */
    connectionHooks(): pulumi.ResourceHookBinding | undefined {
        return this.beforeConnection ? { beforeCreate: [this.beforeConnection] } : undefined;
    }

    /**
     * Warns on the component, before any child is registered, when this update replaces its connection. The hook runs while
     * the engine registers the component, so its finding is ready once the component's URN is.
     */
    announce(component: pulumi.ComponentResource): void {
        if (!this.hooked) return;
        component.urn.apply(() => {
            if (this.replacement) pulumi.log.warn(this.replacement, component);
        });
    }
}

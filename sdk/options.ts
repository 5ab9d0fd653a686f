// The resource options a user gives a component, handed on to its children. A component itself is never diffed,
// replaced or waited for, and the engine passes only `protect`, `retainOnDelete`, `deletedWith` and the provider from
// a parent to its children (pkg/v3 resource/deploy/source_eval.go, inheritFromParent). So `ignoreChanges`,
// `replaceOnChanges`, `customTimeouts` and `deleteBeforeReplace` would do nothing; the component gives them to its
// children, translated from its arguments to their properties, and warns where it cannot do what they ask.
import * as pulumi from "@pulumi/pulumi";
import { show } from "./validation";

/** A child, by its name's suffix: `<name>-endpoint`, `<name>-endpoint-sg`, `<name>-connection`. */
export type Child = "endpoint" | "endpoint-sg" | "connection";

/** The options a child takes from its component. */
export interface ChildOptions {
    ignoreChanges?: string[];
    replaceOnChanges?: string[];
    customTimeouts?: pulumi.CustomTimeouts;
    deleteBeforeReplace?: boolean;
}

/**
 * Which properties of which child each argument sets: `ignoreChanges: ["subnetIds"]` on the component is
 * `ignoreChanges: ["subnetIds"]` on its endpoint. The security group's `ingress` comes from the allowed sources, and
 * by default from the VPC's CIDR blocks for the endpoint's IP address type. The connection is a Cloud Control resource
 * whose one property, `desiredState`, holds the service, the name, the VPC and the endpoint: an option on any of them
 * applies to all four. It carries no tags.
 */
const SETS: Record<string, Partial<Record<Child, string[]>>> = {
    vpcId: { endpoint: ["vpcId"], "endpoint-sg": ["vpcId", "ingress"], connection: ["desiredState"] },
    subnetIds: { endpoint: ["subnetIds"] },
    securityGroupIds: { endpoint: ["securityGroupIds"] },
    allowedCidrBlocks: { "endpoint-sg": ["ingress"] },
    allowedSecurityGroupIds: { "endpoint-sg": ["ingress"] },
    ipAddressType: { endpoint: ["ipAddressType"], "endpoint-sg": ["ingress"] },
    tags: { endpoint: ["tags"], "endpoint-sg": ["tags"] },
    serviceArn: { connection: ["desiredState"] },
    vpcEndpointId: { connection: ["desiredState"] },
    connectionName: { connection: ["desiredState"] },
};

/** The arguments of each component that set a child's property. */
const ARGUMENTS = {
    PrivateEndpoint: Object.keys(SETS),
    InterfaceEndpoint: ["vpcId", "subnetIds", "securityGroupIds", "allowedCidrBlocks", "allowedSecurityGroupIds", "ipAddressType", "tags"],
};
export type Component = keyof typeof ARGUMENTS;

/**
 * What the component's children take from the options given to it, and a warning for each thing they cannot take.
 * Options arrive from TypeScript as given, and over Construct as @pulumi/pulumi's provider server rebuilds them:
 * empty lists for options not given, and a delete timeout named `pb_delete` (google-protobuf's `toObject`).
 */
export function childOptions(
    component: Component,
    opts: pulumi.ComponentResourceOptions = {},
): { of(child: Child): ChildOptions; warnings: string[] } {
    const warnings: string[] = [];
    const paths = (option: "ignoreChanges" | "replaceOnChanges") => {
        const byChild: Partial<Record<Child, string[]>> = {};
        for (const path of opts[option] ?? []) {
            const translated = translate(component, path, option);
            if (translated === undefined) {
                warnings.push(
                    `\`${option}\` names ${show(path)}, which sets no property of this ${component}'s children, so it has no effect. ` +
                        `Name the component's arguments (${ARGUMENTS[component].join(", ")}), or "*" for all of them.`,
                );
            }
            for (const [child, props] of Object.entries(translated ?? {}) as [Child, string[]][])
                byChild[child] = [...new Set([...(byChild[child] ?? []), ...props])];
        }
        return byChild;
    };
    const ignore = paths("ignoreChanges");
    const replace = paths("replaceOnChanges");
    const timeouts = customTimeouts(opts.customTimeouts);
    // Not in ComponentResourceOptions' type, but JavaScript, or a CustomResourceOptions object, can pass it.
    const deleteBeforeReplace = (opts as pulumi.CustomResourceOptions).deleteBeforeReplace;
    if (component === "PrivateEndpoint" && deleteBeforeReplace === false) {
        warnings.push(
            "`deleteBeforeReplace` is false, but the VPC ingress connection is always deleted before its replacement is created: " +
                "an App Runner service can have only one connection. Omit the option.",
        );
    }
    return {
        warnings,
        of: (child) => ({
            ignoreChanges: ignore[child],
            replaceOnChanges: replace[child],
            customTimeouts: timeouts,
            deleteBeforeReplace: deleteBeforeReplace || undefined,
        }),
    };
}

/**
 * The child property paths an `ignoreChanges` or `replaceOnChanges` path of the component stands for; undefined when
 * it names no argument that sets one. A path inside an argument (`tags.team`, `subnetIds[0]`) stays inside the
 * property when the argument is copied as it is, and otherwise covers the whole property it sets.
 */
function translate(
    component: Component,
    path: string,
    option: "ignoreChanges" | "replaceOnChanges",
): Partial<Record<Child, string[]>> | undefined {
    if (path === "*") return { endpoint: ["*"], "endpoint-sg": ["*"], connection: ["*"] };
    const root = /^[A-Za-z0-9_]+/.exec(path)?.[0];
    if (root === undefined || !ARGUMENTS[component].includes(root)) return undefined;
    const rest = path.slice(root.length);
    const result: Partial<Record<Child, string[]>> = {};
    for (const [child, props] of Object.entries(SETS[root]) as [Child, string[]][]) {
        result[child] = props.map((p) => (p === root ? p + rest : p));
        // Tag drift (a tag policy, the provider's defaultTags) shows in `tagsAll`, the provider's merged tags: ignoring
        // tags means ignoring it there too. Replacing on it would replace on a defaultTags change, which is not asked.
        if (root === "tags" && option === "ignoreChanges") result[child]!.push(`tagsAll${rest}`);
    }
    return result;
}

/** Custom timeouts as the children take them; undefined when none is set. */
function customTimeouts(given: pulumi.CustomTimeouts | undefined): pulumi.CustomTimeouts | undefined {
    if (!given) return undefined;
    const wire = given as pulumi.CustomTimeouts & { pb_delete?: string };
    const timeouts = {
        create: given.create || undefined,
        update: given.update || undefined,
        delete: given.delete || wire.pb_delete || undefined,
    };
    return timeouts.create || timeouts.update || timeouts.delete ? timeouts : undefined;
}

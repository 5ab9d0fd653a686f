// Resource options given to a component reach its children as users would expect (ignoreChanges, replaceOnChanges,
// customTimeouts, deleteBeforeReplace), translated from the component's arguments to the children's properties, or
// a warning says why not. Asserted on the options the resource monitor received for each child.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { InterfaceEndpoint, PrivateEndpoint } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";

/** The options of one registration as the monitor saw them. */
interface Seen {
    ignoreChanges: string[];
    replaceOnChanges: string[];
    customTimeouts?: { create: string; update: string; delete: string };
    deleteBeforeReplace: boolean;
}

/** Installs mocks and records, by resource name, the options each registration carried to the monitor. */
function recording(): { mocks: AwsMocks; seen: Map<string, Seen> } {
    const mocks = new AwsMocks().install();
    const seen = new Map<string, Seen>();
    const monitor: any = pulumi.runtime.getMonitor();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: any) => {
        const t = req.getCustomtimeouts();
        seen.set(req.getName(), {
            ignoreChanges: req.getIgnorechangesList(),
            replaceOnChanges: req.getReplaceonchangesList(),
            // The SDK sends empty timeouts when none is set.
            customTimeouts:
                t && (t.getCreate() || t.getUpdate() || t.getDelete())
                    ? { create: t.getCreate(), update: t.getUpdate(), delete: t.getDelete() }
                    : undefined,
            deleteBeforeReplace: req.getDeletebeforereplace(),
        });
        return register(req, callback);
    };
    return { mocks, seen };
}

/** The warnings logged against a resource while `run` runs, with that resource's name. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    (pulumi.log as any).warn = (msg: string, res?: pulumi.Resource) => warnings.push(`${(res as any)?.__name}: ${msg}`);
    try {
        await run();
    } finally {
        (pulumi.log as any).warn = warn;
    }
    return warnings;
}

const args = { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] };
const CHILDREN = ["api-endpoint", "api-endpoint-sg", "api-connection"];

/** Constructs a PrivateEndpoint "api" with these options, waits for it, and returns what the monitor saw and the warnings. */
async function privateEndpoint(opts: pulumi.ComponentResourceOptions, given: object = args) {
    const { mocks, seen } = recording();
    const warnings = await warningsDuring(async () => {
        await valueOf(new PrivateEndpoint("api", given as typeof args, opts).domainName);
        await mocks.settle();
    });
    assert.deepEqual(mocks.unhandled, []);
    return { seen, warnings, of: (child: string) => seen.get(child)! };
}

describe("options given to a PrivateEndpoint reach its children", () => {
    it("without options, the children get none but the connection's deleteBeforeReplace", async () => {
        const { of, warnings } = await privateEndpoint({});
        for (const c of CHILDREN) {
            assert.deepEqual(
                of(c),
                { ignoreChanges: [], replaceOnChanges: [], customTimeouts: undefined, deleteBeforeReplace: c === "api-connection" },
                c,
            );
        }
        assert.deepEqual(warnings, []);
    });

    it(
        'ignoreChanges: ["tags"] makes every tagged child ignore its tags and tagsAll (where ' +
            "tag-policy drift shows); the connection has none",
        async () => {
            const { of, warnings } = await privateEndpoint({ ignoreChanges: ["tags"] });
            for (const c of CHILDREN) assert.deepEqual(of(c).ignoreChanges, c === "api-connection" ? [] : ["tags", "tagsAll"], c);
            assert.deepEqual(warnings, []);
        },
    );

    it(
        "ignoreChanges names arguments; each child ignores the properties they set, paths inside " +
            "them kept (the connection's one desired state)",
        async () => {
            const { of } = await privateEndpoint({ ignoreChanges: ["subnetIds", 'tags["team"]', "vpcId", "serviceArn", "connectionName"] });
            assert.deepEqual(of("api-endpoint").ignoreChanges, ["subnetIds", 'tags["team"]', 'tagsAll["team"]', "vpcId"]);
            assert.deepEqual(of("api-endpoint-sg").ignoreChanges, ['tags["team"]', 'tagsAll["team"]', "vpcId", "ingress"]);
            assert.deepEqual(of("api-connection").ignoreChanges, ["desiredState"]);
        },
    );

    it('ignoreChanges: ["*"] makes every child ignore every change', async () => {
        const { of } = await privateEndpoint({ ignoreChanges: ["*"] });
        for (const c of CHILDREN) assert.deepEqual(of(c).ignoreChanges, ["*"], c);
    });

    it("replaceOnChanges translates the same way, tags without tagsAll (a defaultTags change would replace otherwise)", async () => {
        const { of } = await privateEndpoint(
            { replaceOnChanges: ["tags", "allowedCidrBlocks", "vpcEndpointId"] },
            { ...args, allowedCidrBlocks: ["10.0.5.0/24"] },
        );
        assert.deepEqual(of("api-endpoint").replaceOnChanges, ["tags"]);
        assert.deepEqual(of("api-endpoint-sg").replaceOnChanges, ["tags", "ingress"]);
        assert.deepEqual(of("api-connection").replaceOnChanges, ["desiredState"]);
    });

    it("a name that is no argument, or sets no child property, is a warning and reaches no child", async () => {
        const { of, warnings } = await privateEndpoint({ ignoreChanges: ["tagz", "tags"], replaceOnChanges: ["ingress"] });
        for (const c of CHILDREN)
            assert.deepEqual([of(c).ignoreChanges, of(c).replaceOnChanges], [c === "api-connection" ? [] : ["tags", "tagsAll"], []], c);
        const args =
            "vpcId, subnetIds, securityGroupIds, allowedCidrBlocks, allowedSecurityGroupIds, " +
            "ipAddressType, tags, serviceArn, vpcEndpointId, connectionName";
        assert.deepEqual(warnings, [
            `api: \`ignoreChanges\` names "tagz", which sets no property of this PrivateEndpoint's ` +
                `children, so it has no effect. Name the component's arguments (${args}), or "*" for all of ` +
                `them.`,
            `api: \`replaceOnChanges\` names "ingress", which sets no property of this ` +
                `PrivateEndpoint's children, so it has no effect. Name the component's arguments (${args}), ` +
                `or "*" for all of them.`,
        ]);
    });

    it(
        "customTimeouts reach every child, the Cloud Control connection included (its waits default " + "to 2 hours), with no warning",
        async () => {
            const { of, warnings } = await privateEndpoint({ customTimeouts: { create: "30m", delete: "20m" } });
            for (const c of CHILDREN) assert.deepEqual(of(c).customTimeouts, { create: "30m", update: "", delete: "20m" }, c);
            assert.deepEqual(warnings, []);
        },
    );

    it("deleteBeforeReplace: true reaches every child; false leaves the connection delete-first, with a warning", async () => {
        // Not in ComponentResourceOptions' type: JavaScript, or options typed as CustomResourceOptions, pass it.
        const on = await privateEndpoint({ deleteBeforeReplace: true } as pulumi.ComponentResourceOptions);
        for (const c of CHILDREN) assert.equal(on.of(c).deleteBeforeReplace, true, c);
        assert.deepEqual(on.warnings, []);
        const off = await privateEndpoint({ deleteBeforeReplace: false } as pulumi.ComponentResourceOptions);
        assert.deepEqual(
            CHILDREN.map((c) => off.of(c).deleteBeforeReplace),
            [false, false, true],
        );
        assert.deepEqual(off.warnings, [
            "api: `deleteBeforeReplace` is false, but the VPC ingress connection is always deleted " +
                "before its replacement is created: an App Runner service can have only one connection. " +
                "Omit the option.",
        ]);
    });
});

describe("options given to an InterfaceEndpoint reach its children", () => {
    it(
        "ignoreChanges, replaceOnChanges, customTimeouts and deleteBeforeReplace, with no warning " +
            "about the connection it does not have",
        async () => {
            const { mocks, seen } = recording();
            const opts = {
                ignoreChanges: ["tags", "adoptFrom"],
                replaceOnChanges: ["subnetIds"],
                customTimeouts: { create: "30m" },
                deleteBeforeReplace: true,
            };
            const warnings = await warningsDuring(async () => {
                await valueOf(
                    new InterfaceEndpoint(
                        "shared",
                        { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] },
                        opts as pulumi.ComponentResourceOptions,
                    ).vpcEndpointId,
                );
                await mocks.settle();
            });
            assert.deepEqual(seen.get("shared-endpoint"), {
                ignoreChanges: ["tags", "tagsAll"],
                replaceOnChanges: ["subnetIds"],
                customTimeouts: { create: "30m", update: "", delete: "" },
                deleteBeforeReplace: true,
            });
            assert.deepEqual(seen.get("shared-endpoint-sg"), { ...seen.get("shared-endpoint"), replaceOnChanges: [] });
            assert.deepEqual(warnings, [
                'shared: `ignoreChanges` names "adoptFrom", which sets no property of this ' +
                    "InterfaceEndpoint's children, so it has no effect. Name the component's arguments " +
                    "(vpcId, subnetIds, securityGroupIds, allowedCidrBlocks, allowedSecurityGroupIds, " +
                    'ipAddressType, tags), or "*" for all of them.',
            ]);
        },
    );
});

// Through the real engine: an account where a service was made private outside Pulumi (the stand-in's console: a
// service, an App Runner endpoint with its security group, and the service's connection), adopted from TypeScript (one
// PrivateEndpoint adopting its own endpoint, group and connection) and from YAML through the component provider (an
// InterfaceEndpoint adopting the endpoint and its group, and a PrivateEndpoint the connection). Each time: the first
// `pulumi up` imports the endpoint and its group and reports the connection as AWS has it; `apprunner-private
// import-connections` brings the connection in (Pulumi's `import` option cannot: a Cloud Control resource has no
// importer); nothing is created, replaced or deleted at any point (the stand-in's log shows each resource read for
// import, and no Create or Delete), the connection keeps its domain name and stays AVAILABLE, `pulumi preview
// --expect-no-changes` passes, and `pulumi destroy` removes exactly what was adopted. Refusals are asserted as the CLI
// prints them.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import {
    CHILDREN,
    REPO,
    Workspace,
    addProvider,
    childChangesIn as changesIn,
    configure,
    edit,
    importsIn,
    planOnPath,
    typeOf,
    urnName,
} from "./harness";

const STACK = "test";

/** What the console made: a private service, an endpoint (private DNS on) with its own group, the service's connection. */
interface Made {
    serviceArn: string;
    endpointId: string;
    securityGroupId: string;
    connectionArn: string;
    connectionName: string;
    domainName: string;
}

function makeInConsole(ws: Workspace): Made {
    const { serviceArn } = ws.console("create-service", "console-api");
    const endpoint = ws.console(
        "create-endpoint",
        T.vpcId,
        T.subnetA,
        T.subnetB,
        "--group-name",
        "console-endpoint",
        "--private-dns",
        "--tag",
        "Name=console",
    );
    const connection = ws.console(
        "create-connection",
        serviceArn,
        T.vpcId,
        endpoint.vpcEndpointId,
        "--name",
        "console-api",
        "--tag",
        "owner=console",
    );
    return {
        serviceArn,
        endpointId: endpoint.vpcEndpointId,
        securityGroupId: endpoint.securityGroupId,
        connectionArn: connection.vpcIngressConnectionArn,
        connectionName: connection.name,
        domainName: connection.domainName,
    };
}

const CONSUMERS = [
    {
        language: "TypeScript: a PrivateEndpoint adopts its endpoint, security group and connection",
        prepare(ws: Workspace) {
            const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "adopt-ts"), "ts", ["node_modules", "tsconfig.json"]);
            fs.symlinkSync(path.join(REPO, "sdk"), path.join(dir, "sdk"));
            return dir;
        },
        /** The component names of the children, as the stand-in's log shows them. */
        names: { endpoint: "api-endpoint", group: "api-endpoint-sg", connection: "api-connection" },
        file: "index.ts",
    },
    {
        language: "YAML: an InterfaceEndpoint adopts the endpoint and its group, a PrivateEndpoint the connection",
        prepare(ws: Workspace) {
            const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "adopt-yaml"), "yaml");
            addProvider(ws, dir);
            return dir;
        },
        names: { endpoint: "shared-endpoint", group: "shared-endpoint-sg", connection: "api-connection" },
        file: "Pulumi.yaml",
    },
];

for (const consumer of CONSUMERS) {
    describe(`real engine: adopting what the console made (${consumer.language})`, function () {
        this.timeout(20 * 60_000);
        const ws = new Workspace("adopt");
        let dir: string;
        let made: Made;
        const pulumi = (...args: string[]) => ws.pulumi(dir, ...args, "--stack", STACK);
        /** `pulumi up` fails; returns its output, having checked that nothing was created, imported or changed. */
        const upRefused = () => {
            const mark = ws.mark();
            const r = ws.pulumiFails(dir, "up", "--stack", STACK, "--yes", "--skip-preview");
            assert.deepEqual(importsIn(ws.requests(mark)), []);
            assert.deepEqual(changesIn(ws.requests(mark)), []);
            assert.deepEqual(
                ws.state(dir, STACK).filter((r) => CHILDREN.includes(r.type)),
                [],
            );
            return r.output;
        };

        before(() => {
            dir = consumer.prepare(ws);
            made = makeInConsole(ws);
            ws.pulumi(dir, "stack", "init", STACK);
            configure(ws, dir, STACK, {
                serviceArn: made.serviceArn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                endpointId: made.endpointId,
                securityGroupId: made.securityGroupId,
                connectionArn: made.connectionArn,
            });
        });
        after(() => ws.dispose());

        if (consumer.file === "index.ts") {
            it("refuses Pulumi's import option given to the component (TypeScript hands it over), before anything is imported", () => {
                const file = path.join(dir, consumer.file);
                const call = 'adoptConnectionArn: config.require("connectionArn"),\n});';
                edit(
                    file,
                    call,
                    'adoptConnectionArn: config.require("connectionArn"),\n}, { import: ' +
                        'config.require("endpointId") } as pulumi.CustomResourceOptions);',
                );
                try {
                    const output = upRefused();
                    const message =
                        `The \`import\` option cannot bring existing resources under this PrivateEndpoint, got: ` +
                        `"${made.endpointId}". Pulumi ignores \`import\` on ` +
                        "a component, so its children would be created anew beside the existing ones. Remove the " +
                        "option and pass `adoptVpcEndpointId`, " +
                        '`adoptSecurityGroupId` or `adoptConnectionArn` (README.md, "Adopting existing resources").';
                    assert.ok(output.includes(message), output);
                } finally {
                    edit(file, '}, { import: config.require("endpointId") } as pulumi.CustomResourceOptions);', "});");
                    // The refused update recorded the component (with no outputs): forget it, so that the next test is
                    // the adoption's first deployment.
                    pulumi("destroy", "--yes", "--skip-preview");
                }
            });
        } else {
            it("refuses a VPC's default security group, after its lookup and before anything is imported", () => {
                const group = ws.account().securityGroups.find((g) => g.VpcId === T.vpcId && g.GroupName === "default")!.GroupId;
                ws.pulumi(dir, "config", "set", "--stack", STACK, "securityGroupId", group);
                try {
                    const output = upRefused();
                    // The engine prints the first line of a refusal after its prefix, and the others under it.
                    const message =
                        "error: apprunner-private:index:InterfaceEndpoint resource 'shared' has a problem: " +
                        "`adoptSecurityGroupId` must be the security group of " +
                        `the endpoint \`adoptVpcEndpointId\` names, got: ${group}, while ${made.endpointId} has ` +
                        `${made.securityGroupId}. Adopt its group, or pass ` +
                        `\`securityGroupIds: ["${made.securityGroupId}"]\` to keep its groups without managing ` +
                        `them.\n    \`adoptSecurityGroupId\` must not be a ` +
                        `VPC's default security group, got: ${group} (default). AWS never deletes it, and the ` +
                        `component would try to on \`pulumi destroy\`. Pass ` +
                        "it in `securityGroupIds` to keep using it without managing it.";
                    assert.ok(output.includes(message), output);
                } finally {
                    ws.pulumi(dir, "config", "set", "--stack", STACK, "securityGroupId", made.securityGroupId);
                }
            });

            it(
                "cannot see Pulumi's import option given to the component: the engine drops it, and the " +
                    "preview plans new resources (README warns)",
                () => {
                    const file = path.join(dir, consumer.file);
                    const adoption = "      adoptVpcEndpointId: ${endpointId}\n      adoptSecurityGroupId: ${securityGroupId}\n";
                    // Pulumi YAML takes `import` as a literal string only.
                    const option = `    options:\n      import: ${made.endpointId}\n`;
                    edit(file, adoption, option);
                    try {
                        const mark = ws.mark();
                        const r = ws.exec(dir, "pulumi", ["preview", "--json", "--stack", STACK, "--non-interactive"]);
                        const steps = (JSON.parse(r.stdout).steps ?? assert.fail(r.output)).filter(
                            (s: { urn: string }) => CHILDREN.includes(typeOf(s.urn)) && urnName(s.urn).startsWith("shared-"),
                        );
                        assert.deepEqual(steps.map((s: { op: string; urn: string }) => `${s.op} ${urnName(s.urn)}`).sort(), [
                            "create shared-endpoint",
                            "create shared-endpoint-sg",
                        ]);
                        assert.deepEqual(
                            importsIn(ws.requests(mark)).filter((i) => i.startsWith("shared")),
                            [],
                        );
                    } finally {
                        edit(file, option, adoption);
                    }
                },
            );
        }

        it(
            "the preview imports the endpoint and its group, plans no create, replace or delete, and " +
                "warns the connection waits for its import",
            () => {
                const mark = ws.mark();
                const preview = JSON.parse(pulumi("preview", "--json").stdout);
                const steps = preview.steps.filter((s: { urn: string }) => CHILDREN.includes(typeOf(s.urn)));
                assert.deepEqual(steps.map((s: { op: string; urn: string }) => `${s.op} ${urnName(s.urn)}`).sort(), [
                    `import ${consumer.names.endpoint}`,
                    `import ${consumer.names.group}`,
                ]);
                assert.deepEqual(importsIn(ws.requests(mark)).sort(), [
                    `${consumer.names.endpoint} ${made.endpointId}`,
                    `${consumer.names.group} ${made.securityGroupId}`,
                ]);
                assert.deepEqual(changesIn(ws.requests(mark)), []);
                assert.match(
                    pulumi("preview").stdout,
                    new RegExp(`The VPC ingress connection ${made.connectionArn} is adopted, and stays as it is`),
                );
            },
        );

        it(
            "up imports the endpoint and its group; import-connections the connection: nothing created, " + "replaced, deleted or updated",
            () => {
                const mark = ws.mark();
                pulumi("up", "--yes", "--skip-preview");
                const r = ws.exec(dir, "apprunner-private", ["import-connections", "--stack", STACK], planOnPath(ws));
                assert.equal(r.code, 0, r.output);
                assert.match(
                    r.stdout,
                    new RegExp(`adopt: ${consumer.names.connection} \\(${made.connectionArn.replace(/[/.]/g, "\\$&")}\\)`),
                );
                pulumi("up", "--yes", "--skip-preview");
                const requests = ws.requests(mark);
                assert.deepEqual(importsIn(requests).sort(), [
                    `${consumer.names.endpoint} ${made.endpointId}`,
                    `${consumer.names.group} ${made.securityGroupId}`,
                ]);
                assert.deepEqual(changesIn(requests), []);
                assert.deepEqual(
                    requests.filter(
                        (x) =>
                            x.method === "AWS" &&
                            /VpcIngressConnection$|Resource$/.test(x.action!) &&
                            !/Describe|GetResource$/.test(x.action!),
                    ),
                    [],
                    "no connection created, updated or deleted in AWS",
                );
                assert.deepEqual(ws.connections(), [
                    {
                        arn: made.connectionArn,
                        name: made.connectionName,
                        serviceArn: made.serviceArn,
                        endpointId: made.endpointId,
                        status: "AVAILABLE",
                        domainName: made.domainName,
                    },
                ]);
                const outputs = JSON.parse(pulumi("stack", "output", "--json").stdout);
                assert.deepEqual(outputs, {
                    domainName: made.domainName,
                    vpcEndpointId: made.endpointId,
                    securityGroupId: made.securityGroupId,
                    connectionArn: made.connectionArn,
                });
                const state = ws.state(dir, STACK).filter((r) => CHILDREN.includes(r.type));
                assert.deepEqual(state.map((r) => r.id).sort(), [made.connectionArn, made.endpointId, made.securityGroupId].sort());
            },
        );

        it("leaves what the component was not asked to manage as it was: private DNS, the group's rules, every tag", () => {
            const account = ws.account();
            const endpoint = account.vpcEndpoints.find((e) => e.VpcEndpointId === made.endpointId)!;
            assert.equal(endpoint.PrivateDnsEnabled, true);
            assert.deepEqual(endpoint.Tags, [{ Key: "Name", Value: "console" }]);
            const group = account.securityGroups.find((g) => g.GroupId === made.securityGroupId)!;
            assert.deepEqual(
                group.IpPermissions.flatMap((p) => p.IpRanges.map((r) => `${p.IpProtocol} ${p.FromPort} ${r.CidrIp}`)),
                T.vpcCidrBlocks.map((c) => `tcp 443 ${c}`),
            );
            assert.deepEqual(
                group.IpPermissionsEgress.flatMap((p) => p.IpRanges.map((r) => `${p.IpProtocol} ${r.CidrIp}`)),
                ["-1 0.0.0.0/0"],
            );
            assert.deepEqual(group.Tags, [{ Key: "Name", Value: "console" }]);
            assert.deepEqual(account.appRunnerTags[made.connectionArn], [{ Key: "owner", Value: "console" }]);
        });

        it("then previews with no changes, and up again does nothing (the adoption arguments stay, as the README says)", () => {
            pulumi("preview", "--expect-no-changes");
            const mark = ws.mark();
            pulumi("up", "--yes", "--skip-preview");
            assert.deepEqual(changesIn(ws.requests(mark)), []);
            assert.deepEqual(importsIn(ws.requests(mark)), []);
        });

        it("destroy removes exactly what was adopted, and leaves the service", () => {
            pulumi("destroy", "--yes", "--skip-preview");
            assert.deepEqual(
                ws.leftovers().map((r) => `${r.type} ${r.id}`),
                [`apprunner-service ${made.serviceArn}`],
            );
        });
    });
}

// Issue #23, item 1: an endpoint made dual-stack in the console, adopted without `ipAddressType`. The endpoint keeps its
// type (the component sends none, so it stays as AWS has it) and the new security group admits the VPC's IPv6 block
// beside its IPv4 ones: IPv6 clients are not cut off.
describe(
    "real engine: adopting a console-made dual-stack endpoint without ipAddressType (YAML, " + "through the component provider)",
    function () {
        this.timeout(20 * 60_000);
        const ws = new Workspace("adopt-dual");
        after(() => ws.dispose());

        it("keeps the endpoint dual-stack and opens the new group to the VPC's IPv6 block too; nothing replaced", () => {
            const made = ws.console("create-endpoint", T.dualVpcId, T.dualSubnetA, T.dualSubnetB, "--ip-address-type", "dualstack");
            const dir = path.join(ws.dir, "dual");
            fs.mkdirSync(dir);
            fs.writeFileSync(
                path.join(dir, "Pulumi.yaml"),
                [
                    "name: adopt-dual",
                    "runtime: yaml",
                    "config:",
                    "  vpcId: { type: string }",
                    "  subnetIds: { type: array, items: { type: string } }",
                    "  endpointId: { type: string }",
                    "resources:",
                    "  shared:",
                    "    type: apprunner-private:index:InterfaceEndpoint",
                    "    properties:",
                    "      vpcId: ${vpcId}",
                    "      subnetIds: ${subnetIds}",
                    "      adoptVpcEndpointId: ${endpointId}",
                    "outputs:",
                    "  securityGroupId: ${shared.securityGroupId}",
                    "",
                ].join("\n"),
            );
            addProvider(ws, dir);
            ws.pulumi(dir, "stack", "init", STACK);
            configure(ws, dir, STACK, { vpcId: T.dualVpcId, subnetIds: [T.dualSubnetA, T.dualSubnetB], endpointId: made.vpcEndpointId });
            const mark = ws.mark();
            ws.pulumi(dir, "up", "--stack", STACK, "--yes", "--skip-preview");

            const requests = ws.requests(mark);
            assert.deepEqual(
                requests.filter((r) => r.method === "Delete").map((r) => r.urn),
                [],
            );
            assert.deepEqual(importsIn(requests), [`shared-endpoint ${made.vpcEndpointId}`]);
            const { securityGroupId } = JSON.parse(ws.pulumi(dir, "stack", "output", "--stack", STACK, "--json").stdout);
            const account = ws.account();
            const endpoint = account.vpcEndpoints.find((e) => e.VpcEndpointId === made.vpcEndpointId)!;
            assert.equal(endpoint.IpAddressType, "dualstack");
            assert.deepEqual(
                endpoint.Groups.map((g) => g.GroupId),
                [securityGroupId],
            );
            const group = account.securityGroups.find((g) => g.GroupId === securityGroupId)!;
            assert.deepEqual(
                group.IpPermissions.map((p) => ({
                    port: [p.FromPort, p.ToPort],
                    v4: p.IpRanges.map((r) => r.CidrIp),
                    v6: p.Ipv6Ranges.map((r) => r.CidrIpv6),
                })),
                [{ port: [443, 443], v4: ["10.30.0.0/16"], v6: [T.dualVpcIpv6CidrBlock] }],
            );
            ws.pulumi(dir, "preview", "--stack", STACK, "--expect-no-changes");
        });
    },
);

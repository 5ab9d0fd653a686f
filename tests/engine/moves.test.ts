// Day-2 changes through the real engine, from TypeScript and from YAML (through the component provider): two services,
// each with its own endpoint, moved to one InterfaceEndpoint. Each connection moves in place (Cloud Control, App
// Runner's UpdateVpcIngressConnection): its ARN and domain name stay, no connection is deleted at any point, and the old
// endpoints are deleted only after their connections moved. Then a tag change on every child replaces nothing; a new
// connection name is announced in the preview before anything is deleted; destroy leaves the account as it was.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { CLOUDCONTROL_RESOURCE, SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Request, Workspace, addProvider, configure, urnName } from "./harness";

const STACK = "test";
/** The programs' configuration: two services of the starting account, each with its own endpoint in two subnets. */
const TWO_SERVICES = {
    apiServiceArn: T.apiServiceArn,
    adminServiceArn: T.adminServiceArn,
    vpcId: T.vpcId,
    subnetIds: [T.subnetA, T.subnetB],
};
const CHILDREN = [VPC_ENDPOINT, SECURITY_GROUP, CLOUDCONTROL_RESOURCE];

interface Consumer {
    language: string;
    prepare(ws: Workspace): string;
    /** Makes the program use one InterfaceEndpoint for both services. */
    share(ws: Workspace, dir: string): void;
}

const CONSUMERS: Consumer[] = [
    {
        language: "TypeScript",
        prepare(ws) {
            const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "moves-ts"), "ts", ["node_modules", "tsconfig.json"]);
            fs.symlinkSync(path.join(REPO, "sdk"), path.join(dir, "sdk"));
            return dir;
        },
        share(ws, dir) {
            ws.pulumi(dir, "config", "set", "--stack", STACK, "shared", "true");
        },
    },
    {
        language: "YAML, through the component provider",
        prepare(ws) {
            const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "moves-yaml"), "yaml");
            addProvider(ws, dir);
            return dir;
        },
        share(_ws, dir) {
            // shared.yaml, with the `packages` block `pulumi package add` wrote into Pulumi.yaml.
            const file = path.join(dir, "Pulumi.yaml");
            const packages = /^packages:\n(?: .*\n)*/m.exec(fs.readFileSync(file, "utf8"));
            assert.ok(packages, "Pulumi.yaml has the packages `pulumi package add` wrote");
            fs.writeFileSync(file, `${fs.readFileSync(path.join(dir, "shared.yaml"), "utf8")}${packages[0]}`);
        },
    },
];

/** The stand-in's AWS calls, as `<service>:<action>`. */
const awsCalls = (requests: Request[]) => requests.filter((r) => r.method === "AWS" && !r.error).map((r) => r.action!);
/** The engine's creates, updates and deletes of the components' children, as `<method> <name>`. */
const childChanges = (requests: Request[]) =>
    requests
        .filter((r) => ["Create", "Update", "Delete"].includes(r.method) && CHILDREN.some((t) => r.urn!.includes(`$${t}::`)))
        .map((r) => `${r.method} ${urnName(r.urn!)}`);

for (const consumer of CONSUMERS) {
    describe(`real engine: moving services to a shared endpoint, in place (${consumer.language})`, function () {
        this.timeout(20 * 60_000);
        const ws = new Workspace("moves");
        let dir: string;
        let start: ReturnType<Workspace["connections"]>;
        const pulumi = (...args: string[]) => ws.pulumi(dir, ...args, "--stack", STACK);
        const up = () => pulumi("up", "--yes", "--skip-preview");
        const steps = () =>
            JSON.parse(pulumi("preview", "--json").stdout)
                .steps.filter((s: { urn: string }) => CHILDREN.some((t) => s.urn.includes(`$${t}::`)))
                .map((s: { op: string; urn: string }) => `${s.op} ${urnName(s.urn)}`)
                .sort();

        before(() => {
            dir = consumer.prepare(ws);
            ws.pulumi(dir, "stack", "init", STACK);
            configure(ws, dir, STACK, TWO_SERVICES);
            up();
            start = ws.connections();
        });
        after(() => ws.dispose());

        it("each service starts with its own endpoint", () => {
            assert.equal(start.length, 2);
            assert.equal(new Set(start.map((c) => c.endpointId)).size, 2);
            for (const c of start) assert.equal(c.status, "AVAILABLE");
        });

        it("the preview of the move updates each connection in place and announces no replacement", () => {
            consumer.share(ws, dir);
            assert.deepEqual(steps(), [
                "create shared-endpoint",
                "create shared-endpoint-sg",
                "delete admin-endpoint",
                "delete admin-endpoint-sg",
                "delete api-endpoint",
                "delete api-endpoint-sg",
                "update admin-connection",
                "update api-connection",
            ]);
            const output = pulumi("preview").stdout;
            assert.doesNotMatch(output, /will be replaced/);
        });

        it("the move keeps each connection's ARN and domain name, deletes no connection, and deletes the old endpoints after", () => {
            const mark = ws.mark();
            up();
            const requests = ws.requests(mark);
            const calls = awsCalls(requests);
            assert.deepEqual(
                calls.filter((a) => /Delete(Resource|VpcIngressConnection)$/.test(a)),
                [],
                "no connection deleted",
            );
            assert.equal(calls.filter((a) => a === "cloudcontrol:UpdateResource").length, 2);
            // Each old endpoint goes only after the connection through it has moved (and is AVAILABLE again).
            const changes = childChanges(requests);
            for (const name of ["api", "admin"]) {
                assert.ok(
                    changes.indexOf(`Update ${name}-connection`) < changes.indexOf(`Delete ${name}-endpoint`),
                    `${name}'s connection moves before its endpoint is deleted: ${changes.join(", ")}`,
                );
            }
            const shared = ws
                .account()
                .vpcEndpoints.filter((e) => e.State !== "deleted" && e.VpcId === T.vpcId && e.VpcEndpointId !== T.existingEndpointId);
            assert.equal(shared.length, 1, "one endpoint left: the InterfaceEndpoint's");
            assert.deepEqual(
                ws.connections(),
                start.map((c) => ({ ...c, endpointId: shared[0].VpcEndpointId })),
                "the same connections (ARNs, names, domain names), AVAILABLE, through the shared endpoint",
            );
            pulumi("preview", "--expect-no-changes");
        });

        it(
            "a tag change on every child replaces nothing: the endpoint and its group are updated in " + "place, the connections untouched",
            () => {
                ws.pulumi(dir, "config", "set", "--stack", STACK, "team", "platform");
                const mark = ws.mark();
                up();
                assert.deepEqual(childChanges(ws.requests(mark)).sort(), ["Update shared-endpoint", "Update shared-endpoint-sg"]);
                assert.deepEqual(
                    ws.connections(),
                    start.map((c) => ({ ...c, endpointId: ws.connections()[0].endpointId })),
                );
                const tags = ws.account().vpcEndpoints.find((e) => e.VpcEndpointId === ws.connections()[0].endpointId)!.Tags;
                assert.deepEqual(tags, [{ Key: "team", Value: "platform" }]);
                pulumi("preview", "--expect-no-changes");
            },
        );

        if (consumer.language === "TypeScript") {
            it(
                "a move to an endpoint App Runner cannot use (another VPC's) is refused at preview, on the " + "component; nothing changes",
                () => {
                    const made = ws.console("create-endpoint", T.otherVpcId, T.otherSubnet);
                    const other: string = made.vpcEndpointId;
                    ws.pulumi(dir, "config", "set", "--stack", STACK, "apiEndpointId", other);
                    try {
                        const mark = ws.mark();
                        const failed = ws.pulumiFails(dir, "preview", "--stack", STACK);
                        const text = failed.output.replace(/\s+/g, " ");
                        assert.ok(
                            text.includes(
                                `apprunner-private:index:PrivateEndpoint (api): error: error serializing property ` +
                                    `"outputs": \`vpcEndpointId\` must be an ` +
                                    `endpoint of \`vpcId\` (${T.vpcId}), got: ${other} in ${T.otherVpcId}.`,
                            ),
                            failed.output,
                        );
                        const up = ws.pulumiFails(dir, "up", "--stack", STACK, "--yes", "--skip-preview");
                        assert.ok(up.output.includes(`got: ${other} in ${T.otherVpcId}`), up.output);
                        assert.deepEqual(childChanges(ws.requests(mark)), []);
                        assert.deepEqual(
                            awsCalls(ws.requests(mark)).filter((a) => !/:(Describe|Get|List)/.test(a)),
                            [],
                        );
                    } finally {
                        ws.pulumi(dir, "config", "rm", "--stack", STACK, "apiEndpointId");
                        ws.console("delete", other);
                        ws.console("delete", made.securityGroupId);
                    }
                    // The refused update recorded the component's new arguments (Pulumi records a component's inputs when it
                    // registers, before its children): the next update puts them back, and changes nothing in AWS.
                    const mark = ws.mark();
                    up();
                    assert.deepEqual(childChanges(ws.requests(mark)), []);
                    pulumi("preview", "--expect-no-changes");
                },
            );
        }

        it("destroy leaves nothing behind", () => {
            pulumi("destroy", "--yes", "--skip-preview");
            assert.deepEqual(ws.leftovers(), []);
            assert.deepEqual(ws.connections(), []);
        });
    });
}

describe("real engine: a replacement is announced before anything is deleted (TypeScript)", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("announce");
    let dir: string;
    const pulumi = (...args: string[]) => ws.pulumi(dir, ...args, "--stack", STACK);

    before(() => {
        dir = CONSUMERS[0].prepare(ws);
        ws.pulumi(dir, "stack", "init", STACK);
        configure(ws, dir, STACK, { ...TWO_SERVICES, shared: "true" });
        pulumi("up", "--yes", "--skip-preview");
    });
    after(() => ws.dispose());

    it(
        "a new connection name: the preview warns on the component, naming the service, the ARN and " +
            "the domain name; the up deletes first",
        () => {
            const [admin] = ws.connections().filter((c) => c.serviceArn === T.adminServiceArn);
            ws.pulumi(dir, "config", "set", "--stack", STACK, "adminName", "admin-private");
            const mark = ws.mark();
            const preview = pulumi("preview");
            assert.deepEqual(
                ws.requests(mark).filter((r) => ["Create", "Delete"].includes(r.method)),
                [],
                "a preview deletes nothing",
            );
            assert.ok(
                preview.stdout.includes(
                    `The VPC ingress connection of the App Runner service "${T.adminServiceArn}" will be ` +
                        `replaced: \`connectionName\` changes from none to ` +
                        `"admin-private". A service has one connection, so the old one is deleted first, and ` +
                        `private ingress to the service is down until ` +
                        `the new one is AVAILABLE. Its ARN "${admin.arn}" changes; whether its domain name ` +
                        `"${admin.domainName}" stays is not documented ` +
                        "by AWS, and clients calling it may break.",
                ),
                preview.stdout,
            );
            assert.match(preview.stdout, /apprunner-private:index:PrivateEndpoint \(admin\):\n\s+warning: The VPC ingress connection/);
            const upMark = ws.mark();
            pulumi("up", "--yes", "--skip-preview");
            const changes = childChanges(ws.requests(upMark));
            assert.deepEqual(changes, ["Delete admin-connection", "Create admin-connection"]);
            const [renamed] = ws.connections().filter((c) => c.serviceArn === T.adminServiceArn);
            assert.equal(renamed.name, "admin-private");
            assert.notEqual(renamed.arn, admin.arn);
            pulumi("preview", "--expect-no-changes");
        },
    );
});

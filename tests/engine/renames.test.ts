// The connection's name through renames, with the real engine: without `connectionName`, AWS's CloudFormation handler
// names the connection when Cloud Control creates it (the stand-in: "VpcIngressConnection-" and 12 letters and digits),
// and the name is not part of the desired state, so renaming the component with an alias or renaming the stack keeps
// it, and same-named components under different parents get different names.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLOUDCONTROL_RESOURCE, SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { Workspace, configure, edit, rootCopy, urnName } from "./harness";

const CHILDREN = [VPC_ENDPOINT, SECURITY_GROUP, CLOUDCONTROL_RESOURCE];
const GENERATED = /^VpcIngressConnection-[A-Za-z0-9]{12}$/;

describe("real engine: the connection's name survives renames", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("renames");
    let dir: string;
    let name: string;
    const changes = (mark: number) => ws.requests(mark).filter((r) => ["Create", "Update", "Delete"].includes(r.method));

    before(() => {
        dir = rootCopy(ws);
        ws.pulumi(dir, "stack", "init", "test");
        configure(ws, dir, "test", {});
        ws.pulumi(dir, "up", "--stack", "test", "--yes", "--skip-preview");
        [{ name }] = ws.connections();
        assert.match(name, GENERATED);
    });
    after(() => ws.dispose());

    it("renaming the component with an alias replaces no child, and the connection keeps its name", () => {
        const program = path.join(dir, "program", "index.ts");
        edit(program, 'new PrivateEndpoint("hello", {', 'new PrivateEndpoint("front", {');
        edit(
            program,
            "    subnetIds: subnets.map((s) => s.id),\n});",
            '    subnetIds: subnets.map((s) => s.id),\n}, { aliases: [{ name: "hello" }] });',
        );
        const preview = JSON.parse(ws.pulumi(dir, "preview", "--stack", "test", "--json", "--show-sames").stdout);
        const children = preview.steps.filter((s: { urn: string }) => CHILDREN.some((t) => s.urn.includes(`${t}::`)));
        assert.deepEqual(children.map((s: { op: string; urn: string }) => `${s.op} ${urnName(s.urn)}`).sort(), [
            "same front-connection",
            "same front-endpoint",
            "same front-endpoint-sg",
        ]);
        const mark = ws.mark();
        ws.pulumi(dir, "up", "--stack", "test", "--yes", "--skip-preview");
        assert.deepEqual(changes(mark), []);
        assert.deepEqual(
            ws.connections().map((c) => c.name),
            [name],
        );
    });

    it("renaming the stack changes nothing", () => {
        ws.pulumi(dir, "stack", "rename", "renamed", "--stack", "test");
        const mark = ws.mark();
        ws.pulumi(dir, "preview", "--stack", "renamed", "--expect-no-changes");
        ws.pulumi(dir, "up", "--stack", "renamed", "--yes", "--skip-preview");
        assert.deepEqual(changes(mark), []);
        assert.deepEqual(
            ws.connections().map((c) => c.name),
            [name],
        );
        ws.pulumi(dir, "destroy", "--stack", "renamed", "--yes", "--skip-preview");
    });

    it("two components of one name under parents of different types get different connection names, and both are created", () => {
        fs.writeFileSync(
            path.join(dir, "program", "index.ts"),
            `import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../sdk/index";
import { TOPOLOGY as T } from "../plan/aws";

// Two parents of different types (a URN names its parents' types), each with a PrivateEndpoint "api".
class Team extends pulumi.ComponentResource {
    constructor(type: string, name: string, serviceArn: string) {
        super(type, name);
        new PrivateEndpoint("api", { serviceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId }, { parent: this });
        this.registerOutputs({});
    }
}
new Team("example:index:Payments", "payments", T.apiServiceArn);
new Team("example:index:Orders", "orders", T.adminServiceArn);
`,
        );
        ws.pulumi(dir, "stack", "init", "teams");
        configure(ws, dir, "teams", {});
        ws.pulumi(dir, "up", "--stack", "teams", "--yes", "--skip-preview");
        const names = ws.connections().map((c) => c.name);
        assert.equal(names.length, 2);
        for (const n of names) assert.match(n, GENERATED);
        assert.notEqual(names[0], names[1]);
        ws.pulumi(dir, "destroy", "--stack", "teams", "--yes", "--skip-preview");
    });
});

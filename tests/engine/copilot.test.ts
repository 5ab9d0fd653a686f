// Through the real engine, from Python: an account shaped as AWS Copilot leaves it (the stand-in's console makes an
// environment's App Runner endpoint and security groups, and two private Request-Driven Web Services with their
// connections, named and tagged as Copilot's CloudFormation templates make them), adopted into one InterfaceEndpoint and
// two PrivateEndpoints by the commands README.md's "Moving from AWS Copilot" gives, read from the README and run as
// written (`pulumi` and `apprunner-private import-connections`). Nothing is created, replaced or deleted; the endpoint's
// group is narrowed in place (TCP 443 from the environment's group, no egress), as the README says; each connection keeps
// its name and domain name; a preview then finds no changes; and `pulumi destroy` removes exactly what was adopted.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { CLOUDCONTROL_RESOURCE } from "../../plan/provider";
import { REPO, Workspace, childChangesIn as changesIn, importsIn, planOnPath, urnName } from "./harness";

/** The commands README.md's "Moving from AWS Copilot" gives, the program and its arguments each, placeholders filled in. */
function readmeCommands(values: Record<string, string>): string[][] {
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const block = /<!-- copilot-commands: run as written by tests\/engine\/copilot\.test\.ts -->\n```sh\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, "README.md has the Copilot commands block");
    return block[1]
        .split("\n")
        .filter((line) => line.startsWith("pulumi ") || line.startsWith("apprunner-private "))
        .map((line) =>
            line.match(/'[^']*'|(?:<[^>]*>|[^\s<'])+/g)!.map((token) =>
                token.startsWith("'")
                    ? token.slice(1, -1)
                    : token.replace(/<[^>]*>/g, (placeholder) => {
                          assert.ok(values[placeholder] !== undefined, `a value for ${placeholder}`);
                          return values[placeholder];
                      }),
            ),
        );
}

describe("real engine: moving from AWS Copilot (Python, the README's commands)", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("copilot");
    let dir: string;
    let env: { environmentSecurityGroupId: string; securityGroupId: string; vpcEndpointId: string };
    let services: Record<string, { serviceArn: string; vpcIngressConnectionArn: string; name: string; domainName: string }>;
    let outputs: { preview: string; up: string; imported: string; check: string };
    let mark: number;
    after(() => ws.dispose());

    before(() => {
        env = ws.console("create-copilot-environment", "shop", "prod", T.vpcId, T.subnetA, T.subnetB);
        services = Object.fromEntries(
            ["frontend", "orders"].map((svc) => [
                svc,
                ws.console("create-copilot-service", "shop", "prod", svc, T.vpcId, env.vpcEndpointId),
            ]),
        );
        dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "copilot-python"), "copilot");
        const commands = readmeCommands({
            "<path to this repository>": REPO,
            "<region>": "us-east-1",
            "<VPC>": T.vpcId,
            "<PrivateSubnet1>": T.subnetA,
            "<PrivateSubnet2>": T.subnetB,
            "<AppRunnerVpcEndpoint>": env.vpcEndpointId,
            "<AppRunnerVpcEndpointSecurityGroup>": env.securityGroupId,
            "<EnvironmentSecurityGroup>": env.environmentSecurityGroupId,
            "<frontend: Service>": services.frontend.serviceArn,
            "<frontend: AppRunnerVpcIngressConnection>": services.frontend.vpcIngressConnectionArn,
            "<orders: Service>": services.orders.serviceArn,
            "<orders: AppRunnerVpcIngressConnection>": services.orders.vpcIngressConnectionArn,
        });
        const printed: string[] = [];
        for (const [bin, ...args] of commands) {
            if (args[0] === "preview" && !args.includes("--expect-no-changes") && mark === undefined) mark = ws.mark();
            if (bin === "pulumi") printed.push(ws.pulumi(dir, ...args).stdout);
            else {
                const r = ws.exec(dir, bin, args, planOnPath(ws));
                assert.equal(r.code, 0, `${bin} ${args.join(" ")}:\n${r.output}`);
                printed.push(r.output);
            }
        }
        assert.deepEqual(
            commands.slice(-5).map((c) => c.join(" ")),
            [
                "pulumi preview",
                "pulumi up --yes",
                "apprunner-private import-connections",
                "pulumi up --yes",
                "pulumi preview --expect-no-changes",
            ],
        );
        const [preview, up, imported, , check] = printed.slice(-5);
        outputs = { preview, up, imported, check };
    });

    it(
        "made the account as Copilot's templates make it: CloudFormation's names, Copilot's tags, " +
            "all traffic from the environment's group",
        () => {
            const account = ws.account();
            const group = account.securityGroups.find((g) => g.GroupId === env.securityGroupId)!;
            assert.match(group.GroupName, /^shop-prod-AppRunnerVpcEndpointSecurityGroup-[A-Z0-9]{13}$/);
            assert.equal(group.Description, "shop-prod-AppRunnerVpcEndpointSecurityGroup");
            assert.deepEqual(group.Tags, [{ Key: "Name", Value: "copilot-shop-prod-app-runner-vpc-endpoint" }]);
            for (const svc of ["frontend", "orders"]) {
                assert.match(services[svc].name, /^AppRunnerVpcIngressConnecti-[A-Za-z0-9]{12}$/);
                assert.deepEqual(account.appRunnerTags[services[svc].vpcIngressConnectionArn], [
                    { Key: "copilot-application", Value: "shop" },
                    { Key: "copilot-environment", Value: "prod" },
                    { Key: "copilot-service", Value: svc },
                ]);
            }
        },
    );

    it("the preview shows the endpoint and its group imported, the group updated in place, and each connection not managed yet", () => {
        const lines = outputs.preview
            .split("\n")
            .map((l) => l.trim())
            .filter((l) => /^[=~+-] +aws:/.test(l) && /environment-endpoint|-connection/.test(l));
        // The group comes before the endpoint that uses it; the connections are not registered in this first update.
        assert.deepEqual(
            lines,
            [
                "=  aws:ec2:SecurityGroup environment-endpoint-sg import",
                "~  aws:ec2:SecurityGroup environment-endpoint-sg update [diff: ~egress,ingress]",
                "=  aws:ec2:VpcEndpoint environment-endpoint import",
            ],
            outputs.preview,
        );
        const text = outputs.preview.replace(/\s+/g, " ");
        for (const svc of ["frontend", "orders"]) {
            assert.ok(
                text.includes(
                    `The VPC ingress connection ${services[svc].vpcIngressConnectionArn} is adopted, and stays ` +
                        `as it is, but this stack does not ` +
                        "manage it yet: Pulumi's `import` cannot bring a Cloud Control resource in. Run " +
                        "`apprunner-private import-connections`",
                ),
                outputs.preview,
            );
        }
    });

    it("import-connections brings both connections in, as the program has them", () => {
        for (const svc of ["frontend", "orders"])
            assert.ok(outputs.imported.includes(`adopt: ${svc}-connection (${services[svc].vpcIngressConnectionArn})`), outputs.imported);
        assert.match(outputs.imported, /imported 2 connections; `pulumi up` now changes nothing about them\./);
        const state = JSON.parse(ws.pulumi(dir, "stack", "export").stdout).deployment.resources as {
            type: string;
            urn: string;
            id: string;
        }[];
        assert.deepEqual(
            state
                .filter((r) => r.type === CLOUDCONTROL_RESOURCE)
                .map((r) => `${urnName(r.urn)} ${r.id}`)
                .sort(),
            [
                `frontend-connection ${services.frontend.vpcIngressConnectionArn}`,
                `orders-connection ${services.orders.vpcIngressConnectionArn}`,
            ],
        );
    });

    it("imports the endpoint and its group, and changes only the group's rules, in place", () => {
        const requests = ws.requests(mark);
        assert.deepEqual(
            importsIn(requests).sort(),
            [`environment-endpoint ${env.vpcEndpointId}`, `environment-endpoint-sg ${env.securityGroupId}`].flatMap((r) => [r, r, r]),
            "each read for import by the preview, and by `up`'s own preview and its update",
        );
        assert.deepEqual(changesIn(requests), ["Update environment-endpoint-sg"]);
        const group = ws.account().securityGroups.find((g) => g.GroupId === env.securityGroupId)!;
        assert.deepEqual(
            group.IpPermissions.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.UserIdGroupPairs.map((g) => g.GroupId)]),
            [["tcp", 443, 443, [env.environmentSecurityGroupId]]],
        );
        assert.deepEqual(group.IpPermissionsEgress, []);
        assert.deepEqual(group.Tags, [{ Key: "Name", Value: "copilot-shop-prod-app-runner-vpc-endpoint" }], "its tags kept");
    });

    it("keeps each connection, its name and its domain name, AVAILABLE throughout", () => {
        assert.deepEqual(
            ws.connections().sort((a, b) => a.arn.localeCompare(b.arn)),
            Object.values(services)
                .map((s) => ({
                    arn: s.vpcIngressConnectionArn,
                    name: s.name,
                    serviceArn: s.serviceArn,
                    endpointId: env.vpcEndpointId,
                    status: "AVAILABLE",
                    domainName: s.domainName,
                }))
                .sort((a, b) => a.arn.localeCompare(b.arn)),
        );
    });

    it("then finds no changes (the README's last command), and exports each service's private URL", () => {
        assert.match(outputs.check, /Resources:\n\s+\d+ unchanged/);
        const stack = JSON.parse(ws.pulumi(dir, "stack", "output", "--json").stdout);
        assert.deepEqual(stack, {
            frontendUrl: `https://${services.frontend.domainName}`,
            ordersUrl: `https://${services.orders.domainName}`,
            vpcEndpointId: env.vpcEndpointId,
        });
    });

    it("destroy removes exactly what was adopted: the services and the environment's own group stay", () => {
        ws.pulumi(dir, "destroy", "--yes", "--skip-preview");
        assert.deepEqual(
            ws
                .leftovers()
                .map((r) => `${r.type} ${r.id}`)
                .sort(),
            [
                `apprunner-service ${services.frontend.serviceArn}`,
                `apprunner-service ${services.orders.serviceArn}`,
                `security-group ${env.environmentSecurityGroupId}`,
            ].sort(),
        );
    });
});

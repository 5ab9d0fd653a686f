// The connection as a Cloud Control resource, read by each part that reads it: the component's check of what AWS has
// after an update (connectionProblem) and its announcement of a replacement (replacementOf); the policy pack's view
// (asConnection); the plan's (connectionOf); and what `apprunner-private import-connections` imports, from a stack's
// state and a preview's events (connectionsToImport, importFile).
import * as pulumi from "@pulumi/pulumi";
import { joined } from "./regex";
import * as assert from "node:assert/strict";
import { connectionOf } from "../plan/command/connection";
import { connectionsToImport, importFile } from "../plan/command/importConnections";
import { asConnection } from "../policy/resources";
import { connectionDesiredState, connectionProblem, replacementOf } from "../sdk/connection";

const ARN =
    "arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/VpcIngressConnection-AbCdEfGhIjKl/0123456789abcdef0123456789abcdef";
const SERVICE = "arn:aws:apprunner:us-east-1:123456789012:service/api/0123456789abcdef0123456789abcdef";
const VPC = "vpc-0123456789abcdef0";
const [OLD, NEW] = ["vpce-0123456789abcdef0", "vpce-0fedcba9876543210"];
const model = (status: string, endpoint: string) =>
    JSON.stringify({
        VpcIngressConnectionArn: ARN,
        Status: status,
        DomainName: "abc.us-east-1.on.aws",
        IngressVpcConfiguration: { VpcId: VPC, VpcEndpointId: endpoint },
    });
const RECOVERY = 'README, "Recovering from a failed or interrupted update", "A move that failed"';

describe("the connection as a Cloud Control resource", () => {
    describe("connectionProblem: what AWS has after the connection's step", () => {
        const wanted = { vpcId: VPC, vpcEndpointId: NEW };

        it("AVAILABLE where the program puts it: nothing", () => {
            assert.equal(connectionProblem(ARN, model("AVAILABLE", NEW), wanted), undefined);
        });

        it("not read back after a failed update: refresh first", () => {
            assert.equal(
                connectionProblem(ARN, "", wanted),
                `The VPC ingress connection ${ARN} was not read back after its last update failed: the AWS ` +
                    `provider keeps the update as if ` +
                    `it had been made. Run \`pulumi refresh\` to read what AWS has, then \`pulumi up\` (${RECOVERY}).`,
            );
        });

        it("FAILED_UPDATE: undo the move, then make it again, each in place", () => {
            assert.equal(
                connectionProblem(ARN, model("FAILED_UPDATE", NEW), wanted),
                `The VPC ingress connection ${ARN} is FAILED_UPDATE in VPC ${VPC} through endpoint ${NEW}, ` +
                    `and the program puts it in VPC ` +
                    `${VPC} through endpoint ${NEW}: AWS did not complete the last change Pulumi recorded for it. To make AWS try again ` +
                    "without deleting it, undo the program's change that moved it (its `vpcId`, `vpcEndpointId` or endpoint) and run " +
                    `\`pulumi up\`, which moves it back in place, then make the change again and run \`pulumi up\` (${RECOVERY}).`,
            );
        });

        it("AVAILABLE elsewhere: where it is now, then where the program wants it", () => {
            assert.equal(
                connectionProblem(ARN, model("AVAILABLE", OLD), wanted),
                `The VPC ingress connection ${ARN} is AVAILABLE in VPC ${VPC} through endpoint ${OLD}, and the program puts it in VPC ` +
                    `${VPC} through endpoint ${NEW}: a change Pulumi recorded did not happen (AWS refused it, or it was undone outside ` +
                    "Pulumi). To move it where the program says without deleting it, give the component the VPC and endpoint the " +
                    "connection has now and run `pulumi up`, then the ones you want and run `pulumi up` again: each is an update in " +
                    `place (${RECOVERY}).`,
            );
        });

        it("still changing: wait, refresh, up", () => {
            assert.equal(
                connectionProblem(ARN, model("PENDING_UPDATE", NEW), wanted),
                `The VPC ingress connection ${ARN} is PENDING_UPDATE in VPC ${VPC} through endpoint ${NEW}, and the program puts it in ` +
                    `VPC ${VPC} through endpoint ${NEW}: AWS is still changing it. Wait until it is AVAILABLE, ` +
                    `then run \`pulumi refresh\` ` +
                    "and `pulumi up`.",
            );
        });
    });

    describe("replacementOf: the announcement in the preview", () => {
        const olds = { serviceArn: SERVICE, vpcId: VPC, vpcEndpointId: OLD };
        const outputs = { vpcIngressConnectionArn: ARN, domainName: "abc.us-east-1.on.aws" };
        const tail =
            "A service has one connection, so the old one is deleted first, and private ingress to the service is down until the new " +
            `one is AVAILABLE. Its ARN "${ARN}" changes; whether its domain name "abc.us-east-1.on.aws" stays is not documented by AWS, ` +
            "and clients calling it may break. Moving a service to another endpoint or VPC (`vpcEndpointId`, `vpcId`, `subnetIds`) " +
            "replaces nothing.";

        it("a move or a tag change announces nothing", async () => {
            assert.equal(await replacementOf(olds, { ...olds, vpcEndpointId: NEW, tags: { team: "x" } }, outputs), undefined);
            assert.equal(await replacementOf(olds, { ...olds, vpcId: "vpc-0fedcba9876543210" }, outputs), undefined);
        });

        it("a new name, a new service, or a service not known yet", async () => {
            assert.equal(
                await replacementOf(olds, { ...olds, connectionName: "api-private" }, outputs),
                `The VPC ingress connection of the App Runner service "${SERVICE}" will be replaced: ` +
                    `\`connectionName\` changes from none to "api-private". ${tail}`,
            );
            const other = SERVICE.replace("/api/", "/web/");
            assert.equal(
                await replacementOf(olds, { ...olds, serviceArn: other }, outputs),
                `The VPC ingress connection of the App Runner service "${other}" will be replaced: ` +
                    `\`serviceArn\` changes from "${SERVICE}" to "${other}". ${tail}`,
            );
            assert.equal(
                await replacementOf(olds, { ...olds, serviceArn: pulumi.unknown }, outputs),
                `The VPC ingress connection of the App Runner service "${SERVICE}" will be replaced: ` +
                    `\`serviceArn\` is not known yet (is the ` +
                    `service being replaced?); if it changes, the connection is replaced. ${tail}`,
            );
        });

        it("replaceOnChanges naming the endpoint", async () => {
            assert.equal(
                await replacementOf(olds, { ...olds, vpcEndpointId: NEW }, outputs, ["vpcEndpointId"]),
                `The VPC ingress connection of the App Runner service "${SERVICE}" will be replaced: ` +
                    `\`vpcEndpointId\` changes from "${OLD}" ` +
                    `to "${NEW}" (named in \`replaceOnChanges\`). ${tail}`,
            );
        });
    });

    describe("the policy pack's and the plan's view", () => {
        const desiredState = connectionDesiredState({ serviceArn: SERVICE, vpcId: VPC, vpcEndpointId: NEW, name: "api-private" });
        const cc = {
            type: "aws:cloudcontrol/resource:Resource",
            inputs: { typeName: "AWS::AppRunner::VpcIngressConnection", desiredState },
        };

        it("the desired state is the CloudFormation model, keys in a fixed order, no tags", () => {
            assert.equal(
                desiredState,
                `{"ServiceArn":"${SERVICE}","VpcIngressConnectionName":"api-private",` +
                    `"IngressVpcConfiguration":{"VpcId":"${VPC}","VpcEndpointId":"${NEW}"}}`,
            );
        });

        it("asConnection reads it as the provider's connection: service, name, VPC and endpoint, and AWS's answer", () => {
            const view = asConnection({
                urn: "urn:pulumi:s::p::apprunner-private:index:PrivateEndpoint$aws:cloudcontrol/resource:Resource::api-connection",
                name: "api-connection",
                type: cc.type,
                props: { ...cc.inputs, properties: model("AVAILABLE", NEW) },
                propertyDependencies: { desiredState: ["urn:service"] },
            } as never);
            assert.deepEqual(
                [view.type, view.props, view.propertyDependencies.serviceArn],
                [
                    "aws:apprunner/vpcIngressConnection:VpcIngressConnection",
                    {
                        serviceArn: SERVICE,
                        name: "api-private",
                        ingressVpcConfiguration: { vpcId: VPC, vpcEndpointId: NEW },
                        arn: ARN,
                        domainName: "abc.us-east-1.on.aws",
                        status: "AVAILABLE",
                    },
                    ["urn:service"],
                ],
            );
            const other = { urn: "u", name: "x", type: cc.type, props: { typeName: "AWS::S3::Bucket" }, propertyDependencies: {} };
            assert.equal(asConnection(other as never), other, "another Cloud Control type is left as it is");
        });

        it("connectionOf gives the plan the same facts, and [unknown] for a desired state not known yet", () => {
            assert.deepEqual(connectionOf({ ...cc, outputs: { properties: model("AVAILABLE", NEW) } }), {
                name: "api-private",
                serviceArn: SERVICE,
                vpcEndpointId: NEW,
                domainName: "abc.us-east-1.on.aws",
            });
            assert.deepEqual(connectionOf({ ...cc, inputs: { ...cc.inputs, desiredState: "[unknown]" } }), {
                name: undefined,
                serviceArn: "[unknown]",
                vpcEndpointId: "[unknown]",
                domainName: undefined,
            });
            assert.equal(connectionOf({ type: cc.type, inputs: { typeName: "AWS::S3::Bucket" } }), undefined);
        });
    });

    describe("import-connections: what to import", () => {
        const stack = "urn:pulumi:prod::proj::";
        const component = (name: string) => `${stack}apprunner-private:index:PrivateEndpoint::${name}`;
        const child = (name: string) =>
            `${stack}apprunner-private:index:PrivateEndpoint$aws:cloudcontrol/resource:Resource::${name}-connection`;
        const provider = `${stack}pulumi:providers:aws::default_7_0_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9`;
        const inputs = {
            typeName: "AWS::AppRunner::VpcIngressConnection",
            desiredState: connectionDesiredState({ serviceArn: SERVICE, vpcId: VPC, vpcEndpointId: NEW }),
        };
        const create = (name: string) =>
            JSON.stringify({
                resourcePreEvent: {
                    metadata: {
                        op: "create",
                        urn: child(name),
                        new: { urn: child(name), type: "aws:cloudcontrol/resource:Resource", parent: component(name), provider, inputs },
                    },
                },
            });
        const earlier = {
            urn: `${stack}apprunner-private:index:PrivateEndpoint$aws:apprunner/vpcIngressConnection:VpcIngressConnection::api-connection`,
            type: "aws:apprunner/vpcIngressConnection:VpcIngressConnection",
            id: ARN,
            parent: component("api"),
            outputs: {
                arn: ARN,
                name: "VpcIngressConnection-AbCdEfGhIjKl",
                serviceArn: SERVICE,
                status: "AVAILABLE",
                domainName: "abc.us-east-1.on.aws",
                ingressVpcConfiguration: { vpcId: VPC, vpcEndpointId: NEW },
            },
        };
        const state = [
            { urn: component("api"), type: "apprunner-private:index:PrivateEndpoint", inputs: {} },
            earlier,
            {
                urn: component("adopted"),
                type: "apprunner-private:index:PrivateEndpoint",
                inputs: { adoptConnectionArn: ARN.replace("AbCd", "ZyXw") },
            },
            { urn: component("fresh"), type: "apprunner-private:index:PrivateEndpoint", inputs: {} },
        ];
        const events = [create("api"), create("adopted"), create("fresh"), "not json", create("api")].join("\n");

        it("an earlier release's child, an adoption and a connection named on the command line; a new connection is not imported", () => {
            const found = connectionsToImport(state, events, { lost: ARN.replace("AbCd", "LoSt") });
            assert.deepEqual(
                found.map((c) => [c.kind, c.name, c.id, c.replaces]),
                [
                    ["upgrade", "api-connection", ARN, earlier.urn],
                    ["adoption", "adopted-connection", ARN.replace("AbCd", "ZyXw"), undefined],
                ],
            );
            const named = connectionsToImport(state, [events, create("lost")].join("\n"), { lost: ARN.replace("AbCd", "LoSt") });
            assert.deepEqual(named.at(-1)!.kind, "named");
            assert.deepEqual(named.at(-1)!.id, ARN.replace("AbCd", "LoSt"));
        });

        it(
            "the import file: each under its component and provider, the program's inputs, the earlier " + "child's model as AWS's answer",
            () => {
                const [upgrade] = connectionsToImport(state, events);
                const file = importFile([upgrade], state) as { nameTable: Record<string, string>; resources: Record<string, any>[] };
                assert.deepEqual(file.nameTable, { r0: component("api"), r1: `${stack}pulumi:providers:aws::default_7_0_0` });
                assert.deepEqual(file.resources, [
                    {
                        type: "aws:cloudcontrol/resource:Resource",
                        name: "api-connection",
                        id: ARN,
                        parent: "r0",
                        provider: "r1",
                        inputs,
                        outputs: {
                            ...inputs,
                            properties: JSON.stringify({
                                VpcIngressConnectionArn: ARN,
                                VpcIngressConnectionName: "VpcIngressConnection-AbCdEfGhIjKl",
                                ServiceArn: SERVICE,
                                Status: "AVAILABLE",
                                DomainName: "abc.us-east-1.on.aws",
                                IngressVpcConfiguration: { VpcId: VPC, VpcEndpointId: NEW },
                            }),
                        },
                    },
                ]);
            },
        );

        it("refuses a desired state holding a secret, which a preview cannot show", () => {
            const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "[secret]" };
            const line = create("api").replace(JSON.stringify(inputs.desiredState), JSON.stringify(secret));
            assert.throws(
                () => connectionsToImport(state, line),
                joined(
                    /^Error: api-connection: its desired state holds a secret, which a preview does /,
                    /not show; import it by hand \(README, "Upgrading"\)\.$/,
                ),
            );
        });
    });
});

// The model of AWS (plan/aws), at the level of AWS's APIs: Cloud Control, and its handlers for
// AWS::AppRunner::VpcIngressConnection.
import * as assert from "node:assert/strict";
import { AccountState, Aws, TOPOLOGY as T } from "../plan/aws";
import { REGION, account, connection, endpoint, refusal } from "./model-fixtures";

describe("the AWS model (plan/aws)", () => {
    describe("Cloud Control", () => {
        it("reads a service's CloudFormation model, and says NotFound as Cloud Control wraps it", () => {
            const { aws } = account();
            const { ResourceDescription } = aws.call(
                "cloudcontrol",
                "GetResource",
                { TypeName: "AWS::AppRunner::Service", Identifier: T.apiServiceArn },
                REGION,
            );
            const properties = JSON.parse(ResourceDescription.Properties);
            assert.equal(properties.ServiceArn, T.apiServiceArn);
            assert.equal(properties.NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible, false);
            assert.ok(!("Tags" in properties), "Tags are write-only in the CloudFormation schema");
            const missing = T.apiServiceArn.replace("api-service", "gone");
            assert.match(
                refusal(() =>
                    aws.call("cloudcontrol", "GetResource", { TypeName: "AWS::AppRunner::Service", Identifier: missing }, REGION),
                ),
                new RegExp(
                    `^ResourceNotFoundException: AWS::AppRunner::Service Handler returned status FAILED: ` +
                        `Service not found: ${missing.replace(/[/.]/g, "\\$&")} \\(HandlerErrorCode: NotFound, ` +
                        `RequestToken: [0-9a-f-]{36}\\)$`,
                ),
            );
        });
    });

    describe("Cloud Control: AWS::AppRunner::VpcIngressConnection", () => {
        const TYPE = "AWS::AppRunner::VpcIngressConnection";
        const wait = (aws: Aws, tick: (ms: number) => void, token: string) => {
            for (let i = 0; i < 20; i++) {
                const e = aws.call("cloudcontrol", "GetResourceRequestStatus", { RequestToken: token }, REGION).ProgressEvent;
                if (e.OperationStatus !== "IN_PROGRESS" && e.OperationStatus !== "PENDING") return e;
                tick(10_000);
            }
            throw new Error("never finished");
        };
        const desired = (over: Record<string, unknown> = {}) =>
            JSON.stringify({
                ServiceArn: T.adminServiceArn,
                IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
                ...over,
            });

        it("creates through App Runner, naming an unnamed connection, and answers its model; the same client token is one request", () => {
            const { aws, tick } = account();
            const first = aws.call(
                "cloudcontrol",
                "CreateResource",
                { TypeName: TYPE, DesiredState: desired(), ClientToken: "t1" },
                REGION,
            ).ProgressEvent;
            assert.deepEqual([first.Operation, first.OperationStatus], ["CREATE", "IN_PROGRESS"]);
            const again = aws.call(
                "cloudcontrol",
                "CreateResource",
                { TypeName: TYPE, DesiredState: desired(), ClientToken: "t1" },
                REGION,
            ).ProgressEvent;
            assert.equal(again.RequestToken, first.RequestToken);
            const done = wait(aws, tick, first.RequestToken);
            assert.equal(done.OperationStatus, "SUCCESS");
            const model = JSON.parse(
                aws.call("cloudcontrol", "GetResource", { TypeName: TYPE, Identifier: done.Identifier }, REGION).ResourceDescription
                    .Properties,
            );
            assert.match(model.VpcIngressConnectionName, /^VpcIngressConnection-[A-Za-z0-9]{12}$/);
            assert.deepEqual(
                [model.VpcIngressConnectionArn, model.Status, model.ServiceArn, model.IngressVpcConfiguration],
                [done.Identifier, "AVAILABLE", T.adminServiceArn, { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId }],
            );
            assert.ok(!("Tags" in model), "Tags are write-only");
        });

        it("updates the endpoint in place with a JSON patch (UpdateVpcIngressConnection), and refuses a create-only path", () => {
            const { aws, tick } = account();
            const created = wait(
                aws,
                tick,
                aws.call("cloudcontrol", "CreateResource", { TypeName: TYPE, DesiredState: desired() }, REGION).ProgressEvent.RequestToken,
            );
            const arn = created.Identifier;
            const other = aws.call("ec2", "CreateVpcEndpoint", endpoint(), REGION).VpcEndpoint.VpcEndpointId;
            const patch = (ops: object[]) =>
                aws.call("cloudcontrol", "UpdateResource", { TypeName: TYPE, Identifier: arn, PatchDocument: JSON.stringify(ops) }, REGION)
                    .ProgressEvent;
            assert.equal(
                refusal(() => patch([{ op: "replace", path: "/ServiceArn", value: T.apiServiceArn }])),
                "NotUpdatableException: Invalid patch update: createOnlyProperties [/properties/ServiceArn] cannot be updated",
            );
            const update = patch([{ op: "replace", path: "/IngressVpcConfiguration/VpcEndpointId", value: other }]);
            assert.deepEqual([update.Operation, update.OperationStatus], ["UPDATE", "IN_PROGRESS"]);
            const connection = () =>
                aws.call("apprunner", "DescribeVpcIngressConnection", { VpcIngressConnectionArn: arn }, REGION).VpcIngressConnection;
            assert.equal(connection().Status, "PENDING_UPDATE");
            assert.equal(wait(aws, tick, update.RequestToken).OperationStatus, "SUCCESS");
            assert.deepEqual([connection().Status, connection().IngressVpcConfiguration.VpcEndpointId], ["AVAILABLE", other]);
        });

        it("a failed move is a FAILED event with the handler's code; App Runner's refusal is InvalidRequest", () => {
            const { aws, tick } = account();
            const arn = wait(
                aws,
                tick,
                aws.call("cloudcontrol", "CreateResource", { TypeName: TYPE, DesiredState: desired() }, REGION).ProgressEvent.RequestToken,
            ).Identifier;
            const other = aws.call("ec2", "CreateVpcEndpoint", endpoint(), REGION).VpcEndpoint.VpcEndpointId;
            const update = aws.call(
                "cloudcontrol",
                "UpdateResource",
                {
                    TypeName: TYPE,
                    Identifier: arn,
                    PatchDocument: JSON.stringify([{ op: "replace", path: "/IngressVpcConfiguration/VpcEndpointId", value: other }]),
                },
                REGION,
            ).ProgressEvent;
            aws.failPendingChange(arn);
            const failed = wait(aws, tick, update.RequestToken);
            assert.deepEqual(
                [failed.OperationStatus, failed.ErrorCode, failed.StatusMessage],
                [
                    "FAILED",
                    "NotStabilized",
                    `Resource of type '${TYPE}' with identifier '${arn}' did not stabilize: its status is FAILED_UPDATE.`,
                ],
            );
            const again = aws.call("cloudcontrol", "CreateResource", { TypeName: TYPE, DesiredState: desired() }, REGION).ProgressEvent;
            assert.deepEqual([again.OperationStatus, again.ErrorCode], ["FAILED", "InvalidRequest"]);
            assert.match(again.StatusMessage, new RegExp(`already has a VPC ingress connection: ${arn.replace(/[/.]/g, "\\$&")}$`));
        });

        it("CloudFormation's DescribeType answers the registry's schema; an unknown type is TypeNotFoundException", () => {
            const { aws } = account();
            const type = aws.call("cloudformation", "DescribeType", { Type: "RESOURCE", TypeName: TYPE }, REGION);
            const schema = JSON.parse(type.Schema);
            assert.deepEqual(schema.createOnlyProperties, [
                "/properties/VpcIngressConnectionName",
                "/properties/ServiceArn",
                "/properties/Tags",
            ]);
            assert.equal(
                refusal(() => aws.call("cloudformation", "DescribeType", { Type: "RESOURCE", TypeName: "AWS::No::Such" }, REGION)),
                "TypeNotFoundException: The type 'AWS::No::Such' cannot be found.",
            );
        });
    });

    it("keeps its whole state as plain data: a copy through JSON enforces what the original knew", () => {
        const { aws } = account();
        aws.call("apprunner", "CreateVpcIngressConnection", connection(), REGION);
        const copy = new Aws(JSON.parse(JSON.stringify(aws.account.state)) as AccountState);
        assert.deepEqual(copy.account.state, aws.account.state);
        assert.match(
            refusal(() => copy.call("apprunner", "CreateVpcIngressConnection", connection({ VpcIngressConnectionName: "again" }), REGION)),
            /already has a VPC ingress connection/,
        );
    });
});

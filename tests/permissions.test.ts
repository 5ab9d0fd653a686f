import * as assert from "node:assert/strict";
import { iamPolicyDocument, requiredPermissions } from "../sdk/index";

describe("required permissions", () => {
    it("include every EC2 action the AWS guide lists for private endpoints", () => {
        const actions = requiredPermissions.map((p) => p.action);
        for (const a of [
            "ec2:CreateTags",
            "ec2:CreateVpcEndpoint",
            "ec2:ModifyVpcEndpoint",
            "ec2:DeleteVpcEndpoints",
            "ec2:DescribeSubnets",
            "ec2:DescribeVpcEndpoints",
            "ec2:DescribeVpcs",
        ]) {
            assert.ok(actions.includes(a), a);
        }
    });
    it(
        "include what the AWS provider and CloudFormation's handlers really call: the VPC attribute " +
            "and prefix list reads, Cloud Control's actions, App Runner's update; not its list",
        () => {
            const byAction = new Map(requiredPermissions.map((p) => [p.action, p]));
            assert.match(byAction.get("ec2:DescribeVpcAttribute")!.reason, /fails without it/);
            assert.match(byAction.get("ec2:DescribePrefixLists")!.reason, /fails without it/);
            assert.match(
                byAction.get("ec2:DescribeNetworkInterfaces")!.reason,
                /network interfaces \(their addresses\) on every read of the endpoint/,
            );
            assert.equal(byAction.get("ec2:DescribeRouteTables")!.optional, true);
            assert.deepEqual(
                requiredPermissions.filter((p) => p.optional).map((p) => p.action),
                ["ec2:DescribeVpcEndpointServices", "ec2:DescribeRouteTables", "apprunner:DescribeService"],
            );
            // Never called: the list handler, and DescribeType (the component gives the type's schema).
            for (const never of ["apprunner:ListVpcIngressConnections", "cloudformation:DescribeType"])
                assert.equal(byAction.has(never), false, never);
            for (const verb of ["Create", "Describe", "Update", "Delete"])
                assert.ok(byAction.has(`apprunner:${verb}VpcIngressConnection`), verb);
            for (const verb of ["CreateResource", "GetResource", "UpdateResource", "DeleteResource", "GetResourceRequestStatus"])
                assert.equal(byAction.get(`cloudformation:${verb}`)?.connection, true, verb);
        },
    );
    it("say which EC2 reads App Runner itself needs, even when the endpoint is reused", () => {
        assert.deepEqual(
            requiredPermissions
                .filter((p) => p.connection && p.action.startsWith("ec2:"))
                .map((p) => p.action)
                .sort(),
            ["ec2:DescribeSubnets", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs"],
        );
    });
    it("list each action once, each with a reason and a source", () => {
        const actions = requiredPermissions.map((p) => p.action);
        assert.equal(new Set(actions).size, actions.length);
        for (const p of requiredPermissions) {
            assert.match(p.action, /^(ec2|apprunner|cloudformation):[A-Z][A-Za-z]+$/);
            assert.ok(p.reason.length > 5, p.action);
            assert.match(p.source, /App Runner guide|Terraform AWS provider|CloudFormation schema|Cloud Control API/, p.action);
        }
    });
    it("become an IAM policy document with one statement per service (App Runner's for the connection, Cloud Control's)", () => {
        const doc = iamPolicyDocument();
        assert.equal(doc.Version, "2012-10-17");
        assert.deepEqual(
            doc.Statement.map((s) => [s.Sid, s.Effect, s.Resource]),
            [
                ["AppRunnerPrivateEndpointEc2", "Allow", "*"],
                ["AppRunnerPrivateEndpointConnection", "Allow", "*"],
                ["AppRunnerPrivateEndpointCloudControl", "Allow", "*"],
            ],
        );
        assert.deepEqual(doc.Statement.flatMap((s) => s.Action).sort(), requiredPermissions.map((p) => p.action).sort());
        assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc, "plain JSON");
    });
});

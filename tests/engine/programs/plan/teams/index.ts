// Two teams' components of different types, each with a PrivateEndpoint "api" of its own (one endpoint in one zone).
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../../../../../sdk/index";
import { TOPOLOGY as T } from "../../../../../plan/aws/topology";

class Team extends pulumi.ComponentResource {
    constructor(type: string, name: string, serviceArn: string, subnetIds: string[]) {
        super(type, name);
        new PrivateEndpoint("api", { serviceArn, vpcId: T.vpcId, subnetIds }, { parent: this });
        this.registerOutputs({});
    }
}

new Team("acme:index:Payments", "payments", T.apiServiceArn, [T.subnetA, T.subnetB]);
new Team("acme:index:Search", "search", T.adminServiceArn, [T.subnetC]);

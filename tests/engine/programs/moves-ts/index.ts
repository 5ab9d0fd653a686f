// Two existing App Runner services made private: with `shared` false each PrivateEndpoint creates its own endpoint; with
// `shared` true both use one InterfaceEndpoint. `team` tags every child; `adminName` names admin's connection;
// `apiEndpointId` gives api an endpoint by id instead.
import * as pulumi from "@pulumi/pulumi";
import { InterfaceEndpoint, PrivateEndpoint } from "./sdk/index";

const config = new pulumi.Config();
const vpcId = config.require("vpcId");
const subnetIds = config.requireObject<string[]>("subnetIds");
const tags = { team: config.get("team") ?? "payments" };
const shared = config.getBoolean("shared") ? new InterfaceEndpoint("shared", { vpcId, subnetIds, tags }) : undefined;
const adminName = config.get("adminName");

const connect = (name: string, serviceArn: string, connectionName?: string, endpointId?: string) =>
    new PrivateEndpoint(name, {
        serviceArn,
        vpcId,
        ...(endpointId ? { vpcEndpointId: endpointId } : shared ? { vpcEndpointId: shared.vpcEndpointId } : { subnetIds }),
        ...(connectionName ? { connectionName } : {}),
        tags,
    });
const api = connect("api", config.require("apiServiceArn"), undefined, config.get("apiEndpointId"));
const admin = connect("admin", config.require("adminServiceArn"), adminName);

export const apiUrl = api.url;
export const adminUrl = admin.url;

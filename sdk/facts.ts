// The package's AWS facts, public at `@apprunner-private/apprunner-private/aws`: what App Runner and PrivateLink allow
// and cost, as the components check and the tools report them (sources beside each, in aws.ts).
export {
    APP_RUNNER_REGIONS,
    ENDPOINT_PRICE_PER_AZ_HOUR,
    HTTPS_PORT,
    INTERFACE_ENDPOINT_TYPE,
    PRIVATE_ENDPOINT_TYPE,
    ServiceArnParts,
    TAG_LIMITS,
    isAppRunnerRegion,
    parseConnectionArn,
    parseServiceArn,
} from "./aws";

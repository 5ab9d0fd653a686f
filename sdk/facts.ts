// The package's AWS facts, public at `@apprunner-private/apprunner-private/aws`: what App Runner and PrivateLink allow
// and cost, as the components check and the tools report them (sources beside each, in aws.ts).
export {
    APP_RUNNER_REGIONS,
    CONNECTION_SCHEMA,
    DEFAULT_ENDPOINT_PRICE_PER_AZ_HOUR,
    ENDPOINT_DATA_PROCESSING_TIERS,
    ENDPOINT_PRICE_PER_AZ_HOUR,
    HOURS_PER_MONTH,
    HTTPS_PORT,
    INTERFACE_ENDPOINT_TYPE,
    PRIVATE_ENDPOINT_TYPE,
    ServiceArnParts,
    TAG_LIMITS,
    endpointPricePerAzHour,
    isAppRunnerRegion,
    parseConnectionArn,
    parseServiceArn,
    regionOfAppRunnerEndpointService,
} from "./aws";

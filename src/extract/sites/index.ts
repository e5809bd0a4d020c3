export {
  DEFAULT_SITE_LEARNING_OPTIONS,
  learnSiteBoilerplate,
  NO_SITE_BOILERPLATE,
  type SiteBoilerplate,
  type SiteLearningOptions,
  siteLinesOf,
  siteOf,
} from "./learn.js";

//! Every code of the entrecode table, in each system it is defined in,
//! with nothing but its local code: its documented title and status, and
//! its whole body. Variants that share a code agree on its title and
//! status: each answers with its own body, and the docs have one row per
//! code, the catalog one per variant. The bodies' other members are in
//! `test_entrecode.rs`.

use api_errors_tests::support;

use api_errors::{ApiError, Entrecode};
use support::assert_problem;

/// Every code defined in system 1, with nothing but its local code.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 1,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Home", href = "https://entrecode.de")
)]
enum System1 {
    #[api(code = 0)]
    C000,
    #[api(code = 100)]
    C100,
    #[api(code = 101)]
    C101,
    #[api(code = 102)]
    C102,
    #[api(code = 110)]
    C110,
    #[api(code = 150)]
    C150,
    #[api(code = 200)]
    C200,
    #[api(code = 201)]
    C201,
    #[api(code = 202)]
    C202,
    #[api(code = 203)]
    C203,
    #[api(code = 204)]
    C204,
    #[api(code = 211)]
    C211,
    #[api(code = 212)]
    C212,
    #[api(code = 213)]
    C213,
    #[api(code = 214)]
    C214,
    #[api(code = 215)]
    C215,
    #[api(code = 216)]
    C216,
    #[api(code = 217)]
    C217,
    #[api(code = 251)]
    C251,
    #[api(code = 252)]
    C252,
    #[api(code = 253)]
    C253,
    #[api(code = 254)]
    C254,
    #[api(code = 255)]
    C255,
    #[api(code = 256)]
    C256,
    #[api(code = 311)]
    C311,
    #[api(code = 351)]
    C351,
    #[api(code = 352)]
    C352,
    #[api(code = 366)]
    C366,
    #[api(code = 367)]
    C367,
    #[api(code = 368)]
    C368,
    #[api(code = 369)]
    C369,
    #[api(code = 370)]
    C370,
    #[api(code = 372)]
    C372,
    #[api(code = 373)]
    C373,
    #[api(code = 374)]
    C374,
    #[api(code = 375)]
    C375,
    #[api(code = 376)]
    C376,
    #[api(code = 400)]
    C400,
    #[api(code = 401)]
    C401,
    #[api(code = 402)]
    C402,
    #[api(code = 403)]
    C403,
    #[api(code = 404)]
    C404,
    #[api(code = 410)]
    C410,
    #[api(code = 411)]
    C411,
    #[api(code = 444)]
    C444,
    #[api(code = 451)]
    C451,
    #[api(code = 452)]
    C452,
    #[api(code = 453)]
    C453,
    #[api(code = 460)]
    C460,
    #[api(code = 461)]
    C461,
    #[api(code = 462)]
    C462,
    #[api(code = 470)]
    C470,
    #[api(code = 471)]
    C471,
    #[api(code = 472)]
    C472,
}

const SYSTEM1: [(System1, u16, &str, u16); 54] = [
    (System1::C000, 1000, "Internal Error", 500),
    (System1::C100, 1100, "Resource not found", 404),
    (
        System1::C101,
        1101,
        "No resource entity matching body property filter found",
        404,
    ),
    (
        System1::C102,
        1102,
        "No resource entity matching query string filter found",
        404,
    ),
    (System1::C110, 1110, "Method not allowed", 405),
    (System1::C150, 1150, "Error in remote API", 400),
    (System1::C200, 1200, "Missing body", 400),
    (System1::C201, 1201, "Missing property in JSON body", 400),
    (System1::C202, 1202, "Missing property in query string", 400),
    (System1::C203, 1203, "Missing file in upload", 400),
    (
        System1::C204,
        1204,
        "Missing HAL link or embed in JSON body",
        400,
    ),
    (
        System1::C211,
        1211,
        "Invalid format for property in JSON body",
        400,
    ),
    (
        System1::C212,
        1212,
        "Invalid format for property in query string",
        400,
    ),
    (System1::C213, 1213, "Invalid file format in upload", 400),
    (
        System1::C214,
        1214,
        "Invalid linked or embedded HAL resource in JSON body, or link not found",
        400,
    ),
    (
        System1::C215,
        1215,
        "Resource cannot be sorted after given property",
        400,
    ),
    (
        System1::C216,
        1216,
        "Resource cannot be filtered with given property",
        400,
    ),
    (
        System1::C217,
        1217,
        "Resource cannot be range-filtered with given property",
        400,
    ),
    (System1::C251, 1251, "Password is too short", 400),
    (System1::C252, 1252, "Unmatched validation error", 400),
    (System1::C253, 1253, "Invalid asset to merge", 400),
    (
        System1::C254,
        1254,
        "Exceeded maximum levels for nested request.",
        400,
    ),
    (System1::C255, 1255, "Could not get nested resources.", 400),
    (System1::C256, 1256, "Could not create download file.", 400),
    (
        System1::C311,
        1311,
        "Invalid value for property in JSON body",
        400,
    ),
    (System1::C351, 1351, "eMail address is unavailable", 403),
    (System1::C352, 1352, "Cannot delete openID connection", 403),
    (System1::C366, 1366, "Duplicate field name in model.", 400),
    (
        System1::C367,
        1367,
        "Field cannot be unique and localizable.",
        400,
    ),
    (
        System1::C368,
        1368,
        "Field of type boolean must be required.",
        400,
    ),
    (
        System1::C369,
        1369,
        "Title field not a field in the model.",
        400,
    ),
    (System1::C370, 1370, "Cannot delete Resource. Is used.", 403),
    (
        System1::C372,
        1372,
        "Required field must have a default value set.",
        400,
    ),
    (
        System1::C373,
        1373,
        "Other parallel request already added tag(s)",
        400,
    ),
    (
        System1::C374,
        1374,
        "Cannot export datamanager. Required field has no default value.",
        400,
    ),
    (
        System1::C375,
        1375,
        "A duplicate asset already exists in this AssetGroup. Set `ignoreDuplicates` flag to ignore. No assets were uploaded.",
        400,
    ),
    (
        System1::C376,
        1376,
        "Cannot export datamanager. Required field has no default value.",
        400,
    ),
    (System1::C400, 1400, "Missing Access Token", 401),
    (System1::C401, 1401, "Invalid Access Token", 401),
    (System1::C402, 1402, "Outdated Access Token", 401),
    (System1::C403, 1403, "Invalid Password", 401),
    (
        System1::C404,
        1404,
        "Account not found (unknown email address)",
        404,
    ),
    (
        System1::C410,
        1410,
        "Insufficient rights to access the requested resource",
        401,
    ),
    (
        System1::C411,
        1411,
        "Insufficient rights to access the requested resource with this method",
        405,
    ),
    (System1::C444, 1444, "Denied because of stupidity", 403),
    (System1::C451, 1451, "Too many wrong login attempts", 429),
    (System1::C452, 1452, "User blocked", 403),
    (System1::C453, 1453, "Invalid invite", 403),
    (System1::C460, 1460, "Generic OAuth Error", 400),
    (System1::C461, 1461, "Facebook OAuth Request failed", 400),
    (
        System1::C462,
        1462,
        "Facebook API call failed to receive eMail address",
        400,
    ),
    (
        System1::C470,
        1470,
        "Target resource does not fulfill permission policy conditions",
        403,
    ),
    (
        System1::C471,
        1471,
        "Property cannot be written due to permission policy restrictions",
        403,
    ),
    (
        System1::C472,
        1472,
        "Error while processing asset file.",
        400,
    ),
];

/// Every code defined in system 2, with nothing but its local code.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Home", href = "https://entrecode.de")
)]
enum System2 {
    #[api(code = 0)]
    C000,
    #[api(code = 100)]
    C100,
    #[api(code = 101)]
    C101,
    #[api(code = 102)]
    C102,
    #[api(code = 110)]
    C110,
    #[api(code = 150)]
    C150,
    #[api(code = 200)]
    C200,
    #[api(code = 201)]
    C201,
    #[api(code = 202)]
    C202,
    #[api(code = 203)]
    C203,
    #[api(code = 204)]
    C204,
    #[api(code = 211)]
    C211,
    #[api(code = 212)]
    C212,
    #[api(code = 213)]
    C213,
    #[api(code = 214)]
    C214,
    #[api(code = 215)]
    C215,
    #[api(code = 216)]
    C216,
    #[api(code = 217)]
    C217,
    #[api(code = 252)]
    C252,
    #[api(code = 253)]
    C253,
    #[api(code = 254)]
    C254,
    #[api(code = 255)]
    C255,
    #[api(code = 256)]
    C256,
    #[api(code = 311)]
    C311,
    #[api(code = 353)]
    C353,
    #[api(code = 354)]
    C354,
    #[api(code = 355)]
    C355,
    #[api(code = 356)]
    C356,
    #[api(code = 357)]
    C357,
    #[api(code = 358)]
    C358,
    #[api(code = 359)]
    C359,
    #[api(code = 360)]
    C360,
    #[api(code = 361)]
    C361,
    #[api(code = 362)]
    C362,
    #[api(code = 363)]
    C363,
    #[api(code = 364)]
    C364,
    #[api(code = 365)]
    C365,
    #[api(code = 366)]
    C366,
    #[api(code = 367)]
    C367,
    #[api(code = 368)]
    C368,
    #[api(code = 369)]
    C369,
    #[api(code = 370)]
    C370,
    #[api(code = 371)]
    C371,
    #[api(code = 372)]
    C372,
    #[api(code = 373)]
    C373,
    #[api(code = 374)]
    C374,
    #[api(code = 375)]
    C375,
    #[api(code = 376)]
    C376,
    #[api(code = 400)]
    C400,
    #[api(code = 401)]
    C401,
    #[api(code = 402)]
    C402,
    #[api(code = 403)]
    C403,
    #[api(code = 404)]
    C404,
    #[api(code = 410)]
    C410,
    #[api(code = 411)]
    C411,
    #[api(code = 444)]
    C444,
    #[api(code = 460)]
    C460,
    #[api(code = 461)]
    C461,
    #[api(code = 462)]
    C462,
    #[api(code = 470)]
    C470,
    #[api(code = 471)]
    C471,
    #[api(code = 472)]
    C472,
    #[api(code = 500)]
    C500,
    #[api(code = 510)]
    C510,
    #[api(code = 511)]
    C511,
}

const SYSTEM2: [(System2, u16, &str, u16); 65] = [
    (System2::C000, 2000, "Internal Error", 500),
    (System2::C100, 2100, "Resource not found", 404),
    (
        System2::C101,
        2101,
        "No resource entity matching body property filter found",
        404,
    ),
    (
        System2::C102,
        2102,
        "No resource entity matching query string filter found",
        404,
    ),
    (System2::C110, 2110, "Method not allowed", 405),
    (System2::C150, 2150, "Error in remote API", 400),
    (System2::C200, 2200, "Missing body", 400),
    (System2::C201, 2201, "Missing property in JSON body", 400),
    (System2::C202, 2202, "Missing property in query string", 400),
    (System2::C203, 2203, "Missing file in upload", 400),
    (
        System2::C204,
        2204,
        "Missing HAL link or embed in JSON body",
        400,
    ),
    (
        System2::C211,
        2211,
        "Invalid format for property in JSON body",
        400,
    ),
    (
        System2::C212,
        2212,
        "Invalid format for property in query string",
        400,
    ),
    (System2::C213, 2213, "Invalid file format in upload", 400),
    (
        System2::C214,
        2214,
        "Invalid linked or embedded HAL resource in JSON body, or link not found",
        400,
    ),
    (
        System2::C215,
        2215,
        "Resource cannot be sorted after given property",
        400,
    ),
    (
        System2::C216,
        2216,
        "Resource cannot be filtered with given property",
        400,
    ),
    (
        System2::C217,
        2217,
        "Resource cannot be range-filtered with given property",
        400,
    ),
    (System2::C252, 2252, "Unmatched validation error", 400),
    (System2::C253, 2253, "Invalid asset to merge", 400),
    (
        System2::C254,
        2254,
        "Exceeded maximum levels for nested request.",
        400,
    ),
    (System2::C255, 2255, "Could not get nested resources.", 400),
    (System2::C256, 2256, "Could not create download file.", 400),
    (
        System2::C311,
        2311,
        "Invalid value for property in JSON body",
        400,
    ),
    (
        System2::C353,
        2353,
        "Duplicate model/assetgroup in same data manager",
        403,
    ),
    (System2::C354, 2354, "Cannot delete Model, has entries", 403),
    (
        System2::C355,
        2355,
        "Cannot delete Model, mandatory model",
        403,
    ),
    (
        System2::C356,
        2356,
        "Cannot change Model, has Entries.",
        403,
    ),
    (
        System2::C357,
        2357,
        "Model must support default locale",
        400,
    ),
    (System2::C358, 2358, "Unsupported locale", 400),
    (System2::C359, 2359, "Violates unique constraint", 400),
    (
        System2::C360,
        2360,
        "Cannot delete entry. Referenced as required.",
        400,
    ),
    (System2::C361, 2361, "Cannot change entry. Read Only.", 403),
    (
        System2::C362,
        2362,
        "Cannot change entry. Reference not allowed due to type validation.",
        400,
    ),
    (
        System2::C363,
        2363,
        "Cannot change Model, edit of mandatory/unmutable field.",
        403,
    ),
    (
        System2::C364,
        2364,
        "Cannot change Model, reserved field title.",
        400,
    ),
    (
        System2::C365,
        2365,
        "Cannot change Model, duplicate model title.",
        400,
    ),
    (System2::C366, 2366, "Duplicate field name in model.", 400),
    (
        System2::C367,
        2367,
        "Field cannot be unique and localizable.",
        400,
    ),
    (
        System2::C368,
        2368,
        "Field of type boolean must be required.",
        400,
    ),
    (
        System2::C369,
        2369,
        "Title field not a field in the model.",
        400,
    ),
    (System2::C370, 2370, "Cannot delete Resource. Is used.", 403),
    (
        System2::C371,
        2371,
        "Cannot change entry. Reference not found.",
        400,
    ),
    (
        System2::C372,
        2372,
        "Required field must have a default value set.",
        400,
    ),
    (
        System2::C373,
        2373,
        "Other parallel request already added tag(s)",
        400,
    ),
    (
        System2::C374,
        2374,
        "Cannot export datamanager. Required field has no default value.",
        400,
    ),
    (
        System2::C375,
        2375,
        "A duplicate asset already exists in this AssetGroup. Set `ignoreDuplicates` flag to ignore. No assets were uploaded.",
        400,
    ),
    (
        System2::C376,
        2376,
        "Cannot export datamanager. Required field has no default value.",
        400,
    ),
    (System2::C400, 2400, "Missing Access Token", 401),
    (System2::C401, 2401, "Invalid Access Token", 401),
    (System2::C402, 2402, "Outdated Access Token", 401),
    (System2::C403, 2403, "Invalid Password", 401),
    (
        System2::C404,
        2404,
        "Account not found (unknown email address)",
        404,
    ),
    (
        System2::C410,
        2410,
        "Insufficient rights to access the requested resource",
        401,
    ),
    (
        System2::C411,
        2411,
        "Insufficient rights to access the requested resource with this method",
        405,
    ),
    (System2::C444, 2444, "Denied because of stupidity", 403),
    (System2::C460, 2460, "Generic OAuth Error", 400),
    (System2::C461, 2461, "Facebook OAuth Request failed", 400),
    (
        System2::C462,
        2462,
        "Facebook API call failed to receive eMail address",
        400,
    ),
    (
        System2::C470,
        2470,
        "Target resource does not fulfill permission policy conditions",
        403,
    ),
    (
        System2::C471,
        2471,
        "Property cannot be written due to permission policy restrictions",
        403,
    ),
    (
        System2::C472,
        2472,
        "Error while processing asset file.",
        400,
    ),
    (System2::C500, 2500, "Missing plan for this product", 403),
    (
        System2::C510,
        2510,
        "Insufficient plan for this product",
        403,
    ),
    (System2::C511, 2511, "Insufficient plan for creation", 403),
];

/// Every code defined in system 3, with nothing but its local code.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 3,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Home", href = "https://entrecode.de")
)]
enum System3 {
    #[api(code = 0)]
    C000,
    #[api(code = 100)]
    C100,
    #[api(code = 101)]
    C101,
    #[api(code = 102)]
    C102,
    #[api(code = 110)]
    C110,
    #[api(code = 150)]
    C150,
    #[api(code = 200)]
    C200,
    #[api(code = 201)]
    C201,
    #[api(code = 202)]
    C202,
    #[api(code = 203)]
    C203,
    #[api(code = 204)]
    C204,
    #[api(code = 211)]
    C211,
    #[api(code = 212)]
    C212,
    #[api(code = 213)]
    C213,
    #[api(code = 214)]
    C214,
    #[api(code = 215)]
    C215,
    #[api(code = 216)]
    C216,
    #[api(code = 217)]
    C217,
    #[api(code = 252)]
    C252,
    #[api(code = 253)]
    C253,
    #[api(code = 254)]
    C254,
    #[api(code = 255)]
    C255,
    #[api(code = 256)]
    C256,
    #[api(code = 311)]
    C311,
    #[api(code = 366)]
    C366,
    #[api(code = 367)]
    C367,
    #[api(code = 368)]
    C368,
    #[api(code = 369)]
    C369,
    #[api(code = 370)]
    C370,
    #[api(code = 372)]
    C372,
    #[api(code = 373)]
    C373,
    #[api(code = 374)]
    C374,
    #[api(code = 375)]
    C375,
    #[api(code = 376)]
    C376,
    #[api(code = 400)]
    C400,
    #[api(code = 401)]
    C401,
    #[api(code = 402)]
    C402,
    #[api(code = 403)]
    C403,
    #[api(code = 404)]
    C404,
    #[api(code = 410)]
    C410,
    #[api(code = 411)]
    C411,
    #[api(code = 444)]
    C444,
    #[api(code = 460)]
    C460,
    #[api(code = 461)]
    C461,
    #[api(code = 462)]
    C462,
    #[api(code = 470)]
    C470,
    #[api(code = 471)]
    C471,
    #[api(code = 472)]
    C472,
    #[api(code = 500)]
    C500,
    #[api(code = 510)]
    C510,
    #[api(code = 511)]
    C511,
}

const SYSTEM3: [(System3, u16, &str, u16); 51] = [
    (System3::C000, 3000, "Internal Error", 500),
    (System3::C100, 3100, "Resource not found", 404),
    (
        System3::C101,
        3101,
        "No resource entity matching body property filter found",
        404,
    ),
    (
        System3::C102,
        3102,
        "No resource entity matching query string filter found",
        404,
    ),
    (System3::C110, 3110, "Method not allowed", 405),
    (System3::C150, 3150, "Error in remote API", 400),
    (System3::C200, 3200, "Missing body", 400),
    (System3::C201, 3201, "Missing property in JSON body", 400),
    (System3::C202, 3202, "Missing property in query string", 400),
    (System3::C203, 3203, "Missing file in upload", 400),
    (
        System3::C204,
        3204,
        "Missing HAL link or embed in JSON body",
        400,
    ),
    (
        System3::C211,
        3211,
        "Invalid format for property in JSON body",
        400,
    ),
    (
        System3::C212,
        3212,
        "Invalid format for property in query string",
        400,
    ),
    (System3::C213, 3213, "Invalid file format in upload", 400),
    (
        System3::C214,
        3214,
        "Invalid linked or embedded HAL resource in JSON body, or link not found",
        400,
    ),
    (
        System3::C215,
        3215,
        "Resource cannot be sorted after given property",
        400,
    ),
    (
        System3::C216,
        3216,
        "Resource cannot be filtered with given property",
        400,
    ),
    (
        System3::C217,
        3217,
        "Resource cannot be range-filtered with given property",
        400,
    ),
    (System3::C252, 3252, "Unmatched validation error", 400),
    (System3::C253, 3253, "Invalid asset to merge", 400),
    (
        System3::C254,
        3254,
        "Exceeded maximum levels for nested request.",
        400,
    ),
    (System3::C255, 3255, "Could not get nested resources.", 400),
    (System3::C256, 3256, "Could not create download file.", 400),
    (
        System3::C311,
        3311,
        "Invalid value for property in JSON body",
        400,
    ),
    (System3::C366, 3366, "Duplicate field name in model.", 400),
    (
        System3::C367,
        3367,
        "Field cannot be unique and localizable.",
        400,
    ),
    (
        System3::C368,
        3368,
        "Field of type boolean must be required.",
        400,
    ),
    (
        System3::C369,
        3369,
        "Title field not a field in the model.",
        400,
    ),
    (System3::C370, 3370, "Cannot delete Resource. Is used.", 403),
    (
        System3::C372,
        3372,
        "Required field must have a default value set.",
        400,
    ),
    (
        System3::C373,
        3373,
        "Other parallel request already added tag(s)",
        400,
    ),
    (
        System3::C374,
        3374,
        "Cannot export datamanager. Required field has no default value.",
        400,
    ),
    (
        System3::C375,
        3375,
        "A duplicate asset already exists in this AssetGroup. Set `ignoreDuplicates` flag to ignore. No assets were uploaded.",
        400,
    ),
    (
        System3::C376,
        3376,
        "Cannot export datamanager. Required field has no default value.",
        400,
    ),
    (System3::C400, 3400, "Missing Access Token", 401),
    (System3::C401, 3401, "Invalid Access Token", 401),
    (System3::C402, 3402, "Outdated Access Token", 401),
    (System3::C403, 3403, "Invalid Password", 401),
    (
        System3::C404,
        3404,
        "Account not found (unknown email address)",
        404,
    ),
    (
        System3::C410,
        3410,
        "Insufficient rights to access the requested resource",
        401,
    ),
    (
        System3::C411,
        3411,
        "Insufficient rights to access the requested resource with this method",
        405,
    ),
    (System3::C444, 3444, "Denied because of stupidity", 403),
    (System3::C460, 3460, "Generic OAuth Error", 400),
    (System3::C461, 3461, "Facebook OAuth Request failed", 400),
    (
        System3::C462,
        3462,
        "Facebook API call failed to receive eMail address",
        400,
    ),
    (
        System3::C470,
        3470,
        "Target resource does not fulfill permission policy conditions",
        403,
    ),
    (
        System3::C471,
        3471,
        "Property cannot be written due to permission policy restrictions",
        403,
    ),
    (
        System3::C472,
        3472,
        "Error while processing asset file.",
        400,
    ),
    (System3::C500, 3500, "Missing plan for this product", 403),
    (
        System3::C510,
        3510,
        "Insufficient plan for this product",
        403,
    ),
    (System3::C511, 3511, "Insufficient plan for creation", 403),
];

/// Every code defined in system 9, with nothing but its local code.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 9,
    type_url = "https://entrecode.de/doc/errors/{code}",
    up(title = "Home", href = "https://entrecode.de")
)]
enum System9 {
    #[api(code = 0)]
    C000,
    #[api(code = 100)]
    C100,
    #[api(code = 101)]
    C101,
    #[api(code = 102)]
    C102,
    #[api(code = 110)]
    C110,
    #[api(code = 150)]
    C150,
    #[api(code = 200)]
    C200,
    #[api(code = 201)]
    C201,
    #[api(code = 202)]
    C202,
    #[api(code = 203)]
    C203,
    #[api(code = 204)]
    C204,
    #[api(code = 211)]
    C211,
    #[api(code = 212)]
    C212,
    #[api(code = 213)]
    C213,
    #[api(code = 214)]
    C214,
    #[api(code = 215)]
    C215,
    #[api(code = 216)]
    C216,
    #[api(code = 217)]
    C217,
    #[api(code = 252)]
    C252,
    #[api(code = 253)]
    C253,
    #[api(code = 254)]
    C254,
    #[api(code = 255)]
    C255,
    #[api(code = 256)]
    C256,
    #[api(code = 311)]
    C311,
    #[api(code = 366)]
    C366,
    #[api(code = 367)]
    C367,
    #[api(code = 368)]
    C368,
    #[api(code = 369)]
    C369,
    #[api(code = 370)]
    C370,
    #[api(code = 372)]
    C372,
    #[api(code = 373)]
    C373,
    #[api(code = 374)]
    C374,
    #[api(code = 375)]
    C375,
    #[api(code = 376)]
    C376,
    #[api(code = 400)]
    C400,
    #[api(code = 401)]
    C401,
    #[api(code = 402)]
    C402,
    #[api(code = 403)]
    C403,
    #[api(code = 404)]
    C404,
    #[api(code = 410)]
    C410,
    #[api(code = 411)]
    C411,
    #[api(code = 444)]
    C444,
    #[api(code = 460)]
    C460,
    #[api(code = 461)]
    C461,
    #[api(code = 462)]
    C462,
    #[api(code = 470)]
    C470,
    #[api(code = 471)]
    C471,
    #[api(code = 472)]
    C472,
}

const SYSTEM9: [(System9, u16, &str, u16); 48] = [
    (System9::C000, 9000, "Internal Error", 500),
    (System9::C100, 9100, "Resource not found", 404),
    (
        System9::C101,
        9101,
        "No resource entity matching body property filter found",
        404,
    ),
    (
        System9::C102,
        9102,
        "No resource entity matching query string filter found",
        404,
    ),
    (System9::C110, 9110, "Method not allowed", 405),
    (System9::C150, 9150, "Error in remote API", 400),
    (System9::C200, 9200, "Missing body", 400),
    (System9::C201, 9201, "Missing property in JSON body", 400),
    (System9::C202, 9202, "Missing property in query string", 400),
    (System9::C203, 9203, "Missing file in upload", 400),
    (
        System9::C204,
        9204,
        "Missing HAL link or embed in JSON body",
        400,
    ),
    (
        System9::C211,
        9211,
        "Invalid format for property in JSON body",
        400,
    ),
    (
        System9::C212,
        9212,
        "Invalid format for property in query string",
        400,
    ),
    (System9::C213, 9213, "Invalid file format in upload", 400),
    (
        System9::C214,
        9214,
        "Invalid linked or embedded HAL resource in JSON body, or link not found",
        400,
    ),
    (
        System9::C215,
        9215,
        "Resource cannot be sorted after given property",
        400,
    ),
    (
        System9::C216,
        9216,
        "Resource cannot be filtered with given property",
        400,
    ),
    (
        System9::C217,
        9217,
        "Resource cannot be range-filtered with given property",
        400,
    ),
    (System9::C252, 9252, "Unmatched validation error", 400),
    (System9::C253, 9253, "Invalid asset to merge", 400),
    (
        System9::C254,
        9254,
        "Exceeded maximum levels for nested request.",
        400,
    ),
    (System9::C255, 9255, "Could not get nested resources.", 400),
    (System9::C256, 9256, "Could not create download file.", 400),
    (
        System9::C311,
        9311,
        "Invalid value for property in JSON body",
        400,
    ),
    (System9::C366, 9366, "Duplicate field name in model.", 400),
    (
        System9::C367,
        9367,
        "Field cannot be unique and localizable.",
        400,
    ),
    (
        System9::C368,
        9368,
        "Field of type boolean must be required.",
        400,
    ),
    (
        System9::C369,
        9369,
        "Title field not a field in the model.",
        400,
    ),
    (System9::C370, 9370, "Cannot delete Resource. Is used.", 403),
    (
        System9::C372,
        9372,
        "Required field must have a default value set.",
        400,
    ),
    (
        System9::C373,
        9373,
        "Other parallel request already added tag(s)",
        400,
    ),
    (
        System9::C374,
        9374,
        "Cannot export datamanager. Required field has no default value.",
        400,
    ),
    (
        System9::C375,
        9375,
        "A duplicate asset already exists in this AssetGroup. Set `ignoreDuplicates` flag to ignore. No assets were uploaded.",
        400,
    ),
    (
        System9::C376,
        9376,
        "Cannot export datamanager. Required field has no default value.",
        400,
    ),
    (System9::C400, 9400, "Missing Access Token", 401),
    (System9::C401, 9401, "Invalid Access Token", 401),
    (System9::C402, 9402, "Outdated Access Token", 401),
    (System9::C403, 9403, "Invalid Password", 401),
    (
        System9::C404,
        9404,
        "Account not found (unknown email address)",
        404,
    ),
    (
        System9::C410,
        9410,
        "Insufficient rights to access the requested resource",
        401,
    ),
    (
        System9::C411,
        9411,
        "Insufficient rights to access the requested resource with this method",
        405,
    ),
    (System9::C444, 9444, "Denied because of stupidity", 403),
    (System9::C460, 9460, "Generic OAuth Error", 400),
    (System9::C461, 9461, "Facebook OAuth Request failed", 400),
    (
        System9::C462,
        9462,
        "Facebook API call failed to receive eMail address",
        400,
    ),
    (
        System9::C470,
        9470,
        "Target resource does not fulfill permission policy conditions",
        403,
    ),
    (
        System9::C471,
        9471,
        "Property cannot be written due to permission policy restrictions",
        403,
    ),
    (
        System9::C472,
        9472,
        "Error while processing asset file.",
        400,
    ),
];

fn assert_documented<E: ApiError<Format = Entrecode>>(rows: &[(E, u16, &str, u16)]) {
    for (error, code, title, status) in rows {
        assert_eq!(
            (error.code(), error.status()),
            (*code, *status),
            "code {code}"
        );
        assert_eq!(error.title(), *title, "code {code}");
        let expected = format!(
            r#"{{"status":{status},"code":{code},"title":{title},"type":"https://entrecode.de/doc/errors/{code}","_links":{{"up":{{"title":"Home","href":"https://entrecode.de"}},"describedby":{{"title":"Error Description","href":"https://entrecode.de/doc/errors/{code}"}}}}}}"#,
            title = serde_json::to_string(title).unwrap(),
        );
        assert_problem(error, &expected);
    }
}

#[test]
fn test_every_documented_code_takes_its_title_and_status_in_every_system_it_is_defined_in() {
    assert_documented(&SYSTEM1);
    assert_documented(&SYSTEM2);
    assert_documented(&SYSTEM3);
    assert_documented(&SYSTEM9);
    // 48 rows for every system (000 included), 6 only in the Account Server,
    // 14 only in the Data Manager, the 3 plan errors in systems 2 and 3.
    assert_eq!(
        [SYSTEM1.len(), SYSTEM2.len(), SYSTEM3.len(), SYSTEM9.len()],
        [54, 65, 51, 48]
    );
}

/// Variants that share a code and agree on its title and status: the
/// documented title left out and written out, and one template in two
/// variants.
#[derive(Debug, ApiError)]
#[api(
    format = "entrecode",
    system = 2,
    type_url = "https://example.com/errors/{code}",
    up(title = "Home", href = "https://example.com")
)]
enum Lookup {
    /// No capsule has this id.
    #[api(code = 100, detail = id)]
    NoCapsule {
        /// The capsule's id.
        id: String,
    },
    /// No route matches the path.
    #[api(code = 2100, title = "Resource not found")]
    NoRoute,
    #[api(code = 950, title = "Upstream {0} unavailable", status = 503)]
    Upstream(String),
    #[api(
        code = 2950,
        title = "Upstream {0} unavailable",
        status = 503,
        detail = 1
    )]
    UpstreamTimeout(String, String),
}

#[test]
fn test_variants_that_share_a_code_and_agree_each_answer_with_their_body() {
    let links = |code| {
        format!(
            r#""_links":{{"up":{{"title":"Home","href":"https://example.com"}},"describedby":{{"title":"Error Description","href":"https://example.com/errors/{code}"}}}}}}"#
        )
    };
    assert_problem(
        &Lookup::NoCapsule { id: "c-1".into() },
        &format!(
            r#"{{"status":404,"code":2100,"title":"Resource not found","type":"https://example.com/errors/2100","detail":"c-1",{}"#,
            links(2100)
        ),
    );
    assert_problem(
        &Lookup::NoRoute,
        &format!(
            r#"{{"status":404,"code":2100,"title":"Resource not found","type":"https://example.com/errors/2100",{}"#,
            links(2100)
        ),
    );
    assert_problem(
        &Lookup::Upstream("billing".into()),
        &format!(
            r#"{{"status":503,"code":2950,"title":"Upstream billing unavailable","type":"https://example.com/errors/2950",{}"#,
            links(2950)
        ),
    );
    assert_problem(
        &Lookup::UpstreamTimeout("search".into(), "after 30 s".into()),
        &format!(
            r#"{{"status":503,"code":2950,"title":"Upstream search unavailable","type":"https://example.com/errors/2950","detail":"after 30 s",{}"#,
            links(2950)
        ),
    );
}

#[test]
fn test_variants_that_share_a_code_are_one_docs_row_and_one_catalog_row_each() {
    let names: Vec<&str> = Lookup::catalog().iter().map(|row| row.name).collect();
    assert_eq!(
        names,
        ["NoCapsule", "NoRoute", "Upstream", "UpstreamTimeout"],
        "the catalog keeps one row per variant"
    );
    assert_eq!(
        api_errors::docs::markdown::<Lookup>(),
        "\
| Code | Description | Detail | Verbose | HTTP Status Code |
| --- | --- | --- | --- | --- |
| 2100 | **Resource not found** No capsule has this id.<br>No route matches the path. | The capsule's id. |  | 404 |
| 2950 | **Upstream {value} unavailable** |  |  | 503 |
"
    );
}

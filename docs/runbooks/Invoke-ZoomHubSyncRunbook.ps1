<#
.SYNOPSIS
    ZoomHubPS scheduled sync: an Azure Automation runbook (PowerShell 7.2+ or 5.1) that registers the saved registration
    rules' HubSpot lists for their webinars and syncs Zoom webinars into HubSpot as the saved settings say, writes the
    run's summary as job output, and fails the job when a rule or an instance failed.

.DESCRIPTION
    Import the ZoomHubPS package (the zip from build.ps1 -Task Package) into the Automation account, create the assets
    below, link this runbook to a schedule (e.g. every hour). See about_ZoomHubPS_AzureAutomation for every step.

    Credentials, in this order:
      1. -KeyVaultName: secrets from Azure Key Vault through the Automation account's managed identity
         (needs the Az.Accounts and Az.KeyVault modules): ZoomHub-ZoomAccountId, ZoomHub-ZoomClientId,
         ZoomHub-ZoomClientSecret, ZoomHub-HubSpotToken.
      2. Automation assets: the credential -ZoomCredentialName (user name = Zoom client id, password = client secret),
         the variable -ZoomAccountIdVariable (the Zoom account id), the credential -HubSpotCredentialName (password =
         the HubSpot private-app token; the user name is not used).
      3. Anywhere else (a local test run, a hybrid worker): the ZOOMHUB_* environment variables
         (Connect-ZoomHub -FromEnvironment).
    Settings: the Automation variable -SettingsVariable (the document as text, from New-ZoomHubSyncSetting -AsJson),
    or a file -SettingsPath; without either, the defaults.

    Re-running is always safe: every write is idempotent, an instance already synced costs reads only, and a rule whose
    members are all registered registers nobody. A failed run fails the job (the exception names the failed rules and
    instances); the next scheduled run retries them.

.EXAMPLE
    # A local test against the sandbox (Start-ZoomHubSandbox sets nothing; export the ZOOMHUB_* variables first):
    ./Invoke-ZoomHubSyncRunbook.ps1 -SettingsPath ./sync.json
#>
param(
    [string] $SettingsVariable = 'ZoomHubSyncSettings',
    [string] $SettingsPath,
    [string] $ZoomCredentialName = 'ZoomHub-Zoom',
    [string] $ZoomAccountIdVariable = 'ZoomHub-ZoomAccountId',
    [string] $HubSpotCredentialName = 'ZoomHub-HubSpot',
    [string] $KeyVaultName,
    [int] $LookbackDays = 0,
    # How long one request may keep retrying through throttling and server errors before its instance fails
    # (Connect-ZoomHub -RetryTimeBudget). Keep it well under the job's time limit; unset = the module's default.
    [timespan] $RetryTimeBudget = [timespan]::Zero,
    # Apply no registration rule in this job (e.g. when an account is split across jobs: one job applies the rules).
    [switch] $SkipRegistrationRules,
    [switch] $WhatIf
)

$ErrorActionPreference = 'Stop'
Import-Module ZoomHubPS

$inAutomation = [bool] (Get-Command Get-AutomationVariable -ErrorAction SilentlyContinue)

# 1. Connect (secrets stay in SecureString / PSCredential; nothing is printed).
$connectArgs = @{}
if ($RetryTimeBudget -gt [timespan]::Zero) { $connectArgs.RetryTimeBudget = $RetryTimeBudget }
if ($KeyVaultName) {
    Connect-AzAccount -Identity | Out-Null
    function Get-Secret([string] $Name) { (Get-AzKeyVaultSecret -VaultName $KeyVaultName -Name $Name).SecretValue }
    $accountId = [pscredential]::new('x', (Get-Secret 'ZoomHub-ZoomAccountId')).GetNetworkCredential().Password
    $clientId = [pscredential]::new('x', (Get-Secret 'ZoomHub-ZoomClientId')).GetNetworkCredential().Password
    $zoomApp = [pscredential]::new($clientId, (Get-Secret 'ZoomHub-ZoomClientSecret'))
    Connect-ZoomHub -AccountId $accountId -ClientCredential $zoomApp -HubSpotToken (Get-Secret 'ZoomHub-HubSpotToken') @connectArgs
}
elseif ($inAutomation) {
    Connect-ZoomHub -AccountId (Get-AutomationVariable -Name $ZoomAccountIdVariable) `
        -ClientCredential (Get-AutomationPSCredential -Name $ZoomCredentialName) `
        -HubSpotCredential (Get-AutomationPSCredential -Name $HubSpotCredentialName) @connectArgs
}
else {
    Connect-ZoomHub -FromEnvironment @connectArgs
}

# 2. The saved settings.
$syncArgs = @{ WarningAction = 'Continue' }
if ($SettingsPath) { $syncArgs.SettingsPath = $SettingsPath }
elseif ($inAutomation -and $SettingsVariable) { $syncArgs.Settings = Get-AutomationVariable -Name $SettingsVariable }
if ($LookbackDays -gt 0) { $syncArgs.LookbackDays = $LookbackDays }
if ($SkipRegistrationRules) { $syncArgs.SkipRegistrationRules = $true }
if ($WhatIf) { $syncArgs.WhatIf = $true }

# 3. One run: the settings' registration rules, then the sync. Failed rules and failed instances are non-terminating
#    errors (logged), and the summary says how many.
$summary = Invoke-ZoomHubSync @syncArgs -ErrorAction Continue
Write-Output $summary
Disconnect-ZoomHub

if ($summary.Outcome -eq 'CompletedWithErrors') {
    $failures = @()
    if ($summary.InstancesFailed -gt 0) { $failures += "$($summary.InstancesFailed) instance(s) failed: $($summary.FailedInstances)" }
    if ($summary.RegistrationRulesFailed -gt 0) { $failures += "$($summary.RegistrationRulesFailed) registration rule(s) failed: $($summary.FailedRegistrationRules)" }
    throw "ZoomHubPS: $(($failures -join '; ').TrimEnd('.')). The rest is done; the next run retries these."
}

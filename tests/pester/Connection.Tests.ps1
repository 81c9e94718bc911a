BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
}

Describe 'Connect-ZoomHub -Sandbox' {
    AfterEach { Disconnect-ZoomHub -ErrorAction SilentlyContinue }

    It 'connects, becomes the session default and shows ids, URIs and token expiry' {
        Connect-ZoomHub -Sandbox -Scenario demo
        $c = Get-ZoomHubConnection
        $c | Should -Not -BeNullOrEmpty
        $c.Info.IsSandbox | Should -BeTrue
        $c.Info.ZoomAccountId | Should -Not -BeNullOrEmpty
        $c.Info.HubSpotPortalId | Should -BeGreaterThan 0
        $c.Info.ZoomApiBaseUri | Should -Not -BeNullOrEmpty
        $c.Info.ZoomTokenExpiresAt | Should -BeGreaterThan ([datetimeoffset]::UtcNow.AddYears(-1))
    }

    It 'writes nothing without -PassThru and returns the connection with it' {
        Connect-ZoomHub -Sandbox | Should -BeNullOrEmpty
        $c = Connect-ZoomHub -Sandbox -PassThru
        $c.GetType().FullName | Should -Be 'ZoomHubPS.Core.ZoomHubConnection'
        $c | Should -Be (Get-ZoomHubConnection)
    }

    It 'fails with a clear error for an unknown scenario' {
        { Connect-ZoomHub -Sandbox -Scenario 'no-such-scenario' -ErrorAction Stop } | Should -Throw '*no-such-scenario*'
    }

    It 'formats the connection without secrets' {
        $text = Connect-ZoomHub -Sandbox -PassThru | Format-List | Out-String
        $text | Should -Match 'ZoomAccountId'
        $text | Should -Match 'HubSpotPortalId'
    }
}

Describe 'Without a connection' {
    AfterEach { Disconnect-ZoomHub -ErrorAction SilentlyContinue }

    It 'Get-ZoomHubConnection writes ZoomHubNotConnected' {
        Disconnect-ZoomHub
        Get-ZoomHubConnection -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ZoomHubNotConnected,ZoomHubPS.Commands.GetZoomHubConnectionCommand'
        $err[0].Exception.Message | Should -Match 'Run Connect-ZoomHub first'
    }

    It 'Disconnect-ZoomHub twice is not an error' {
        { Disconnect-ZoomHub -ErrorAction Stop; Disconnect-ZoomHub -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Connect-ZoomHub failures name the side and the reason' {
    It 'reports an unreachable Zoom host as a Zoom connection error' {
        $cred = [pscredential]::new('client-id', (ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force))
        $token = ConvertTo-SecureString 'pat-na1-not-real' -AsPlainText -Force
        $err = $null
        try {
            Connect-ZoomHub -AccountId 'acct' -ClientCredential $cred -HubSpotToken $token -ZoomOAuthUri 'http://127.0.0.1:9/' -ZoomApiUri 'http://127.0.0.1:9/v2/' -HubSpotUri 'http://127.0.0.1:9/' -ErrorAction Stop
        }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ZoomConnectFailed,*'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        "$err" | Should -Match 'Zoom'
        "$err" | Should -Not -Match 'not-a-real-secret'
    }
}

Describe 'Start-ZoomHubSandbox -Fault' {
    It 'injects the faults it is given and the module retries through them' {
        $fault = @{ rules = @(@{ route = 'GET /account-info/v3/details'; kind = 'serverError'; status = 503; times = 1 }) } | ConvertTo-Json -Depth 5
        $sandbox = Start-ZoomHubSandbox -Fault $fault -NoLimits
        try {
            $params = $sandbox.ConnectParameters
            $c = Connect-ZoomHub @params -PassThru
            $c.Info.HubSpotPortalId | Should -BeGreaterThan 0
            @($sandbox.Sandbox.Journal.Entries | Where-Object { $_.Status -eq 503 }).Count | Should -Be 1
        }
        finally {
            Disconnect-ZoomHub -ErrorAction SilentlyContinue
            $sandbox | Stop-ZoomHubSandbox
        }
    }

    It 'rejects fault JSON it cannot read, naming -Fault' {
        { Start-ZoomHubSandbox -Fault '{"rules":[{"kind":"explode"}]}' -ErrorAction Stop } | Should -Throw '*-Fault*'
    }

    It 'rejects a wrong shape it used to ignore, naming the key path' {
        $err = $null
        try { Start-ZoomHubSandbox -Fault '{"rules":"all"}' -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ZoomHubInvalidArgument,*'
        "$err" | Should -BeLike '*$.rules must be a list of rule objects*'
    }

    It 'loses the reply of a write that landed' {
        $fault = @{ rules = @(@{ route = 'POST /crm/v3/objects/contacts'; kind = 'lostReply'; reply = '502'; times = 1 }) } | ConvertTo-Json -Depth 5
        $sandbox = Start-ZoomHubSandbox -Fault $fault -NoLimits
        try {
            $token = $sandbox.Sandbox.Credentials.HubSpotToken
            $answer = Invoke-WebRequest -Uri "$($sandbox.HubSpotUri)crm/v3/objects/contacts" -Method Post -SkipHttpErrorCheck `
                -Headers @{ Authorization = "Bearer $token" } -ContentType 'application/json' -Body '{"properties":{"email":"lost@example.com"}}'
            $answer.StatusCode | Should -Be 502
            $sandbox.Sandbox.HubSpot.ContactByEmail('lost@example.com', $false) | Should -Not -BeNullOrEmpty
            @($sandbox.Sandbox.Journal.Entries | Where-Object ReplyLost).Count | Should -Be 1
        }
        finally {
            $sandbox | Stop-ZoomHubSandbox
        }
    }
}

Describe 'Built-in scenarios anchored to today' {
    It 'starts the demo on the current date with its upcoming webinars ahead' {
        $sandbox = Start-ZoomHubSandbox -Scenario demo -NoLimits
        try {
            $now = $sandbox.Sandbox.Clock.GetUtcNow()
            $now.UtcDateTime.Date | Should -BeIn @([datetime]::UtcNow.Date, [datetime]::UtcNow.Date.AddDays(-1))
            $sandbox.Sandbox.Zoom.Webinar(83456789012).StartTime | Should -BeGreaterThan $now
        }
        finally {
            $sandbox | Stop-ZoomHubSandbox
        }
    }
}

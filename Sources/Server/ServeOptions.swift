/// How `taizhang serve` runs.
public struct ServeOptions: Sendable {
    /// The folder served: web.db, 台账.db, uploads/ and rounds/ live in it.
    public var folder: String
    public var host: String
    public var port: Int
    /// The taizhang binary that runs merges, templates and briefings as child processes.
    public var executable: String
    /// The most bytes one request may send (an upload); more is refused with 413.
    public var maxUploadBytes = 20 * 1_048_576
    /// Uploads one unit may send in one round; more are refused, so that a loop cannot fill the disk.
    public var maxUploadsPerUnitRound = 50
    /// Cookies carry Secure: on behind an HTTPS proxy (the default), off only for plain HTTP on this machine.
    public var secureCookies = true
    /// The address users reach the page at (`https://台账.example.gov.cn`), behind a proxy: the links given to units
    /// start with it. Nil: the address of the request, over http, as on this machine.
    public var publicURL: String?
    /// Forget the office password and end every session before serving (`--reset-password`).
    public var resetPassword = false
    /// Child processes at once (merges, templates, briefings).
    public var jobs = 2

    public init(folder: String, host: String = "127.0.0.1", port: Int = 8080, executable: String) {
        self.folder = folder
        self.host = host
        self.port = port
        self.executable = executable
    }
}

#include "http/api.hpp"

#include "domain/schema.hpp"
#include "http/errors.hpp"
#include "http/webhook_client.hpp"

namespace brm::http {

namespace {
Response MethodNotAllowed() {
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such endpoint for this method."));
}
}  // namespace

Api::Api(Store& store, engine::Engine& engine, ApiConfig config)
    : engine_(engine),
      config_(std::move(config)),
      sign_in_(store, config_.auth),
      entities_(store, engine, config_.passwords),
      figures_(store, engine),
      documents_(store, engine, entities_, config_.documents),
      strategies_(store, &engine),
      inbox_(store, engine, entities_, figures_),
      webhooks_(store, engine,
                [](const std::string& url, const std::string& body) {
                  const PostOutcome outcome = PostJson(url, body, std::chrono::seconds(10));
                  return WebhookService::PostResult{outcome.status, outcome.error};
                },
                config_.webhook_retry_seconds),
      csv_(store, engine, entities_) {
  entities_.OnCommitted([this](const Actor& actor, const Record& written, const std::optional<Record>& before) {
    webhooks_.Notice(actor, written, before);
  });
  if (config_.webhooks) webhooks_.Start();
  engine_.SetThresholds(strategies_.Thresholds());
  strategies_.OnThresholdsChanged([this](const StrategyThresholds& thresholds) { engine_.SetThresholds(thresholds); });
}

Response Api::Handle(Request& request) {
  if (config_.trust_proxy) {
    // The proxy appends the address it saw; earlier entries come from the client and prove nothing.
    const std::string& forwarded = request.Header("x-forwarded-for");
    if (!forwarded.empty()) {
      std::string last = forwarded.substr(forwarded.find_last_of(',') == std::string::npos ? 0 : forwarded.find_last_of(',') + 1);
      last.erase(0, last.find_first_not_of(' '));
      if (!last.empty()) request.remote = last;
    }
  }
  if (request.path.rfind("/api/", 0) == 0 || request.path == "/api") {
    Response response = Route(request);
    const bool read = request.method == "GET" || request.method == "HEAD";
    if (!read && response.status < 400) sign_in_.Invalidate();
    return response;
  }
  if (request.method != "GET" && request.method != "HEAD") return MethodNotAllowed();
  return Static(request);
}

Response Api::Route(Request& request) {
  const auto& s = request.segments;
  if (s.size() < 3 || s[0] != "api" || s[1] != "v1") {
    return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such endpoint: " + request.path + "."));
  }
  const std::string& head = s[2];
  if (head == "health" && s.size() == 3) {
    return JsonResponse(200, {{"status", "ok"}, {"version", "0.1.0"}});
  }
  if (head == "auth" && s.size() == 4 && s[3] == "login") {
    return request.method == "POST" ? LoginHandler(request) : MethodNotAllowed();
  }
  auto caller = Authenticate(sign_in_, request);
  if (!caller) return ErrorResponse(caller.error());
  if (head == "auth" && s.size() >= 4) {
    if (s[3] == "logout" && s.size() == 4 && request.method == "POST") return LogoutHandler(*caller);
    if (s[3] == "me" && s.size() == 4 && request.method == "GET") return MeHandler(*caller);
    if (s[3] == "password" && s.size() == 4 && request.method == "POST") return PasswordHandler(request, *caller);
    if (s[3] == "language" && s.size() == 4 && request.method == "PUT") return LanguageHandler(request, *caller);
    if (s[3] == "tokens") return TokensHandler(request, *caller);
    if (s[3] == "sessions") return SessionsHandler(request, *caller);
    return MethodNotAllowed();
  }
  if (head == "bundle" && s.size() == 3) return BundleHandler(request, *caller);
  if (head == "inbox") return InboxHandler(request, *caller);
  if (head == "csv") return CsvHandler(request, *caller);
  if (head == "strategy") return StrategyHandler(request, *caller);
  if (head == "customers" && s.size() == 5 && s[4] == "strategy-override") {
    return StrategyOverrideHandler(request, *caller, s[3]);
  }
  if (auto figure = FigureHandler(request, *caller)) return std::move(*figure);
  const EntitySpec* spec = FindCollection(head);
  if (!spec) return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such collection: \"" + head + "\"."));
  if (s.size() == 3) return CollectionHandler(request, *caller, spec->kind);
  if (s.size() == 4) return ItemHandler(request, *caller, spec->kind, s[3]);
  if (s.size() == 5) return ItemActionHandler(request, *caller, spec->kind, s[3], s[4]);
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such endpoint: " + request.path + "."));
}

}  // namespace brm::http

#include "service/tactic_seeds.hpp"

#include <algorithm>
#include <iterator>

namespace brm {
namespace {

// The articles' wording (in simplified characters), lightly edited into one sentence of goal and a list.
constexpr TacticSeed kSeeds[] = {
    {"acquire",
     "把我司重要的潜在客户转变为正式客户：首先定位重要的潜在客户，再通过相应的战术使客户购买我司产品。\n"
     "- 带领客户参观案例和公司，使客户相信我公司的实力；\n"
     "- 进行技术交流，使客户了解我司的产品；\n"
     "- 通过各种渠道，建立和客户高层的关系；\n"
     "- 多交流互动，进行与其他产品的差异性分析，得到基层的支持；\n"
     "- 给出优惠性条件，比如资本运作（给出账期等），提升我司对客户的吸引力。",
     "Turn an important prospect into a customer: first identify the important prospects, then use these tactics "
     "until the customer buys our products.\n"
     "- Take the customer to see reference sites and our company, so that they believe in what we can do;\n"
     "- Hold technical exchanges so that the customer gets to know our products;\n"
     "- Build relationships with the customer's senior management through every available channel;\n"
     "- Interact often and show how we differ from other products, to win support at the working level;\n"
     "- Offer favourable terms, such as financing (payment terms and the like), to make us more attractive."},
    {"grow",
     "把对我司贡献度不高的客户提升为高贡献度客户：了解客户的业务状况和需求，提早布局，引导客户，加强互动，"
     "前期加大售前和方案投入，参与年内项目招投标，并全力赢得项目。\n"
     "- 充分引入我司各种解决方案，多交流互动，引导客户的需求和短期、长期规划内容；\n"
     "- 了解客户的需求和年度预算，提早布局；\n"
     "- 充分了解客户的内在需求（个人和组织），协助客户获得最大价值。",
     "Turn a customer who contributes little into a large contributor: understand their business and needs, "
     "position early, guide the customer, interact more, invest more in pre-sales and solutions up front, take part "
     "in this year's tenders and go all out to win them.\n"
     "- Bring in the full range of our solutions and interact often, to shape the customer's needs and their short- "
     "and long-term plans;\n"
     "- Learn the customer's needs and annual budget, and position early;\n"
     "- Understand the customer's underlying needs (personal and organisational) and help them get the most value."},
    {"win_back",
     "把正在逐渐疏远我们的高价值客户挽回：了解客户疏远我们的真实原因，制定挽回计划，投入相应的资源让客户感到我们的诚意，"
     "并提供更优惠的价格、更个性化的服务。\n"
     "- 挖掘客户疏远我们的深层原因，投入资源逐个解决；\n"
     "- 寻找客户内部新的支持者，结成同盟；\n"
     "- 寻找化解反对势力的方法，并采取相应行动；\n"
     "- 引入我公司新的产品和解决方案，转移焦点。",
     "Win back a valuable customer who is drifting away: find the real reasons, make a recovery plan, commit "
     "resources that show our sincerity, and offer better prices and more personal service.\n"
     "- Dig out the underlying reasons the customer is drifting away, and commit resources to resolve them one by "
     "one;\n"
     "- Find new supporters inside the customer and form an alliance with them;\n"
     "- Find ways to defuse the opposition, and act on them;\n"
     "- Introduce our new products and solutions to shift the focus."},
    {"wait",
     "对潜力不大、贡献度不高的客户观望等待：不是被动等待，而是和客户保持一定的接触频率，了解客户内部变动，等待时机。\n"
     "- 与客户保持联系，多了解客户今后的项目规划；\n"
     "- 分析潜力不大、贡献度不高的原因，等待机会；\n"
     "- 为客户提供力所能及的建议和服务。",
     "Watch and wait with a customer of little potential and low contribution: not waiting passively, but keeping "
     "in regular contact, following the changes inside the customer and waiting for the right moment.\n"
     "- Keep in touch, and learn about the customer's future project plans;\n"
     "- Analyse why the potential and the contribution are low, and wait for an opening;\n"
     "- Offer the customer whatever advice and service we reasonably can."},
    {"retain",
     "维系住对我司贡献度高的客户，使其为我司持续产生收入：与客户保持紧密接触，为客户提供整体规划和建议以及高性价比的运维服务，"
     "防止竞争对手进入，同时加强售后服务，提升客户满意度。\n"
     "- 不断用新的解决方案来维系客户，不断发掘客户的新需求；\n"
     "- 提高服务标准，提供个性化服务，使客户产生依赖；\n"
     "- 为客户提供一些免费的或高性价比的产品和服务，取悦客户；\n"
     "- 建立商务和技术护城河，防止竞争对手介入；\n"
     "- 消除客户中的敌对者，尽可能联合更多的支持者。",
     "Keep a customer who contributes much, so that they go on bringing us revenue: stay in close contact, offer "
     "overall planning, advice and good-value operations services, keep competitors out, and strengthen after-sales "
     "service to raise satisfaction.\n"
     "- Keep bringing new solutions, and keep uncovering the customer's new needs;\n"
     "- Raise our service standards and offer personal service, so that the customer comes to rely on us;\n"
     "- Offer some free or good-value products and services that please the customer;\n"
     "- Build commercial and technical moats that keep competitors out;\n"
     "- Neutralise the opponents within the customer, and rally as many supporters as possible."},
};

}  // namespace

std::span<const TacticSeed> TacticSeeds() { return kSeeds; }

const TacticSeed* FindTacticSeed(std::string_view strategy) {
  auto it = std::find_if(std::begin(kSeeds), std::end(kSeeds), [&](const TacticSeed& s) { return s.strategy == strategy; });
  return it == std::end(kSeeds) ? nullptr : &*it;
}

}  // namespace brm
